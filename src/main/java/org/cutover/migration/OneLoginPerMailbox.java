package org.cutover.migration;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A login opens one mailbox, so each mailbox of a batch needs a login of its own there: refuses
 * PLAIN (the admin's own login, which opens only the admin's mailbox) for any other mailbox, on the
 * source and on an IMAP target, and two mailboxes read from the same source login.
 */
final class OneLoginPerMailbox {

  private OneLoginPerMailbox() {}

  static void check(NewMigration settings, RuleViolations violations) {
    List<MailboxEntry> mailboxes = settings.mailboxes();
    if (mailboxes == null) {
      return;
    }
    ImapEndpoint source = settings.source();
    if (opensOthersMailbox(source, mailboxes, OneLoginPerMailbox::sourceUser)) {
      violations.on("source.auth", "{cutover.auth.plain.shared}");
    }
    TargetSettings target = settings.target();
    if (target != null
        && target.type() == TargetType.IMAP
        && opensOthersMailbox(target.endpoint(), mailboxes, MailboxEntry::emailAddress)) {
      violations.on("target.endpoint.auth", "{cutover.auth.plain.shared}");
    }
    Map<String, Integer> sourceUsers = new HashMap<>();
    for (int i = 0; i < mailboxes.size(); i++) {
      MailboxEntry mailbox = mailboxes.get(i);
      String user = mailbox == null ? null : sourceUser(mailbox);
      // Two equal addresses without a source login are reported as duplicate addresses already.
      if (user == null) {
        continue;
      }
      Integer earlier = sourceUsers.putIfAbsent(normal(sourceMailbox(source, user)), i);
      if (earlier == null) {
        continue;
      }
      if (mailbox.sourceLogin() != null) {
        violations.onElement(
            "mailboxes", i, "sourceLogin", "{cutover.mailbox.sourceLogin.duplicate}");
      } else if (!normal(user).equals(normal(sourceUser(mailboxes.get(earlier))))) {
        // Two addresses, one alias: the admin would open the same mailbox for both.
        violations.onElement("mailboxes", i, "emailAddress", "{cutover.mailbox.alias.duplicate}");
      }
    }
  }

  /** Whether the endpoint signs in with PLAIN for a mailbox that is not the admin user's own. */
  private static boolean opensOthersMailbox(
      ImapEndpoint endpoint,
      List<MailboxEntry> mailboxes,
      java.util.function.Function<MailboxEntry, String> userOf) {
    if (endpoint == null || endpoint.auth() != ImapAuth.PLAIN || endpoint.adminUser() == null) {
      return false;
    }
    String admin = normal(endpoint.adminUser());
    return mailboxes.stream()
        .filter(mailbox -> mailbox != null && userOf.apply(mailbox) != null)
        .anyMatch(mailbox -> !normal(userOf.apply(mailbox)).equals(admin));
  }

  /** The mailbox name the source login opens for {@code user}: by alias where the endpoint says. */
  static String sourceMailbox(ImapEndpoint source, String user) {
    return source != null && source.auth() != null && source.auth().actsForUser()
        ? source.mailboxName().of(user)
        : user;
  }

  /** The user whose mailbox is read at the source: its source login, else its address. */
  private static String sourceUser(MailboxEntry mailbox) {
    return mailbox.sourceLogin() != null ? mailbox.sourceLogin() : mailbox.emailAddress();
  }

  private static String normal(String user) {
    return user.strip().toLowerCase(Locale.ROOT);
  }
}
