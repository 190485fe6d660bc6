package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.USERS_WITHOUT_LICENCE;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.TargetLicences;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.UserLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Send the licence reminder" to the administrator before the licence deadline. First asks the
 * target which users still hold no licence (Microsoft 365; an IMAP host has none), so that the
 * letter names them and the open task shows them ({@code usersWithoutLicence}); when the target
 * cannot be asked, the letter lists every mailbox instead.
 */
@Component("sendLicenceReminder")
class SendLicenceReminder extends RunbookStep {

  /** Users named one by one in the task; the rest are counted. */
  static final int NAMED = 50;

  private static final Logger log = LoggerFactory.getLogger(SendLicenceReminder.class);

  private final ObjectProvider<UserLetters> letters;
  private final ObjectProvider<TargetLicences> licences;

  SendLicenceReminder(
      ObjectProvider<UserLetters> letters, ObjectProvider<TargetLicences> licences) {
    this.letters = letters;
    this.licences = licences;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    UserLetters mail = Capabilities.require(letters, "letter capability (SMTP)", UserLetters.class);
    Optional<List<String>> missing = withoutLicence(migrationId);
    missing.ifPresent(users -> USERS_WITHOUT_LICENCE.set(execution, shown(users)));
    mail.sendLicenceReminder(migrationId);
    log.info(
        "Migration {}: licence reminder sent{}",
        migrationId,
        missing.map(users -> ", " + users.size() + " users without a licence").orElse(""));
  }

  private Optional<List<String>> withoutLicence(String migrationId) {
    TargetLicences target = licences.getIfAvailable();
    if (target == null) {
      return Optional.empty();
    }
    try {
      return target.checkWithoutLicence(migrationId);
    } catch (StepNeedsAdministrator | TransientStepFailure unanswered) {
      log.warn(
          "Migration {}: the target could not say who lacks a licence ({}); the reminder lists"
              + " every mailbox",
          migrationId,
          unanswered.getMessage());
      return Optional.empty();
    }
  }

  static String shown(List<String> users) {
    if (users.isEmpty()) {
      return "Every user holds a licence with a mailbox now. / Alle brugere har nu en licens med"
          + " postkasse.";
    }
    StringBuilder text =
        new StringBuilder()
            .append(users.size())
            .append(" users still without a licence / brugere mangler stadig en licens:");
    users.stream().limit(NAMED).forEach(user -> text.append("\n- ").append(user));
    if (users.size() > NAMED) {
      text.append("\n- … and ").append(users.size() - NAMED).append(" more / og flere");
    }
    return text.toString();
  }
}
