package org.cutover.migration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a mailbox list with each user's own passwords (Microsoft's IMAP migration CSV, {@code
 * EmailAddress,UserName,Password}, and {@code TargetUserName,TargetPassword} for an IMAP target),
 * stores every password encrypted and answers the same list with the ids of the stored passwords
 * instead: the list the Tasklist start form takes, which never carries a password. A list with any
 * problem stores nothing.
 */
@Service
public class MailboxPasswordImport {

  private static final Logger log = LoggerFactory.getLogger(MailboxPasswordImport.class);

  /** The CSV headings of the fields of {@link MailboxEntry}, for problems and the answer. */
  private static final Map<String, String> HEADINGS =
      Map.of(
          "emailAddress", "EmailAddress",
          "sourceLogin", "UserName",
          "displayName", "DisplayName",
          "sourcePassword", "Password",
          "sourceCredentialId", "SourceCredentialId",
          "targetLogin", "TargetUserName",
          "targetPassword", "TargetPassword",
          "targetCredentialId", "TargetCredentialId");

  private final Validator validator;
  private final SecretStore secrets;

  MailboxPasswordImport(Validator validator, SecretStore secrets) {
    this.validator = validator;
    this.secrets = secrets;
  }

  /**
   * @return the list as CSV with SourceCredentialId and TargetCredentialId for the passwords
   * @throws RejectedSettings naming the line and the column of every problem; nothing is stored
   */
  @Transactional
  public String store(String csv) {
    MailboxCsv.Parsed parsed = MailboxCsv.withPasswords(csv);
    List<SettingsProblem> problems = new ArrayList<>();
    parsed.problems().forEach(p -> problems.add(new SettingsProblem(p.where(), p.message())));
    List<MailboxEntry> mailboxes = parsed.mailboxes();
    for (int i = 0; i < mailboxes.size(); i++) {
      problems.addAll(rules(mailboxes.get(i), parsed.lines().get(i)));
    }
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
    StringBuilder answer =
        new StringBuilder(
            "EmailAddress,UserName,DisplayName,SourceCredentialId,TargetUserName,"
                + "TargetCredentialId\r\n");
    for (MailboxEntry mailbox : mailboxes) {
      SecretRef source =
          stored(mailbox.emailAddress() + ": source password", mailbox.sourcePassword());
      SecretRef target =
          stored(mailbox.emailAddress() + ": target password", mailbox.targetPassword());
      answer
          .append(cell(mailbox.emailAddress()))
          .append(',')
          .append(cell(mailbox.sourceLogin()))
          .append(',')
          .append(cell(mailbox.displayName()))
          .append(',')
          .append(cell(source != null ? source.id() : mailbox.sourceCredentialId()))
          .append(',')
          .append(cell(mailbox.targetLogin()))
          .append(',')
          .append(cell(target != null ? target.id() : mailbox.targetCredentialId()))
          .append("\r\n");
    }
    log.info("Stored the own passwords of a list of {} mailboxes", mailboxes.size());
    return answer.toString();
  }

  /** The rules of a mailbox entry and stored ids that do not exist, by line and column. */
  private List<SettingsProblem> rules(MailboxEntry mailbox, int line) {
    List<SettingsProblem> problems = new ArrayList<>();
    validator.validate(mailbox).stream()
        .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
        .forEach(
            violation -> problems.add(problem(line, field(violation), violation.getMessage())));
    requireStored(mailbox.sourceCredentialId(), line, "sourceCredentialId", problems);
    requireStored(mailbox.targetCredentialId(), line, "targetCredentialId", problems);
    return problems;
  }

  /** A well-formed id that names no stored credential (a malformed one the rules report). */
  private void requireStored(String id, int line, String field, List<SettingsProblem> problems) {
    if (id != null
        && SecretRef.isWellFormed(id)
        && secrets.describe(CredentialRule.refOrNull(id)).isEmpty()) {
      problems.add(problem(line, field, RuleMessages.text("cutover.credential.unknown")));
    }
  }

  private static SettingsProblem problem(int line, String field, String message) {
    return new SettingsProblem(
        "line " + line + ", column " + HEADINGS.getOrDefault(field, field), message);
  }

  private static String field(ConstraintViolation<?> violation) {
    String path = violation.getPropertyPath().toString();
    return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
  }

  private SecretRef stored(String name, SecretText password) {
    if (password == null || password.isBlank()) {
      return null;
    }
    return secrets.put(name.length() <= 200 ? name : name.substring(0, 199) + "…", password);
  }

  /** A value as one CSV cell: quoted when it holds a separator, a quote or a blank at an end. */
  private static String cell(String value) {
    if (value == null) {
      return "";
    }
    boolean plain =
        value.chars().noneMatch(c -> c == ',' || c == ';' || c == '"' || c == '\t')
            && value.equals(value.strip());
    return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
  }
}
