package org.cutover.migration;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A login opens one mailbox, so each mailbox of a batch needs a login of its own there. With PLAIN
 * (each user's own password) a mailbox needs its user's password from the list, unless it is the
 * admin user's own; the admin's PLAIN login for any other mailbox is refused, on the source and on
 * an IMAP target. Two mailboxes read from the same source login, or written through the same target
 * login, are refused too.
 */
final class OneLoginPerMailbox {

  private OneLoginPerMailbox() {}

  static void check(NewMigration settings, RuleViolations violations) {
    List<MailboxEntry> mailboxes = settings.mailboxes();
    if (mailboxes == null) {
      return;
    }
    plainLogins(
        settings.source(),
        mailboxes,
        MailboxEntry::sourceUser,
        MailboxEntry::hasSourcePassword,
        "source.auth",
        "sourcePassword",
        "{cutover.mailbox.sourcePassword.missing}",
        violations);
    TargetSettings target = settings.target();
    if (target != null && target.type() == TargetType.IMAP) {
      plainLogins(
          target.endpoint(),
          mailboxes,
          MailboxEntry::targetUser,
          MailboxEntry::hasTargetPassword,
          "target.endpoint.auth",
          "targetPassword",
          "{cutover.mailbox.targetPassword.missing}",
          violations);
    }
    if (target != null && target.type() == TargetType.MICROSOFT_365) {
      for (int i = 0; i < mailboxes.size(); i++) {
        MailboxEntry mailbox = mailboxes.get(i);
        if (mailbox != null && (mailbox.hasTargetPassword() || mailbox.targetLogin() != null)) {
          violations.onElement(
              "mailboxes",
              i,
              mailbox.hasTargetPassword() ? "targetPassword" : "targetLogin",
              "{cutover.mailbox.target.microsoft365}");
        }
      }
    }
    // Two equal addresses without a login of their own are reported as duplicate addresses already.
    ImapEndpoint source = settings.source();
    unique(
        mailboxes,
        MailboxEntry::sourceUser,
        user -> sourceMailbox(source, user),
        MailboxEntry::sourceLogin,
        "sourceLogin",
        "{cutover.mailbox.sourceLogin.duplicate}",
        violations);
    unique(
        mailboxes,
        MailboxEntry::targetUser,
        Function.identity(),
        MailboxEntry::targetLogin,
        "targetLogin",
        "{cutover.mailbox.targetLogin.duplicate}",
        violations);
  }

  /**
   * With PLAIN, each mailbox signs in as its own user: with its own password, or as the admin user
   * when it is the admin's own mailbox. The admin's login for another mailbox is refused on the
   * endpoint; a mailbox without either misses its password.
   */
  private static void plainLogins(
      ImapEndpoint endpoint,
      List<MailboxEntry> mailboxes,
      Function<MailboxEntry, String> userOf,
      Predicate<MailboxEntry> ownPassword,
      String authPath,
      String passwordField,
      String missingPassword,
      RuleViolations violations) {
    if (endpoint == null || endpoint.auth() != ImapAuth.PLAIN) {
      return;
    }
    String admin = endpoint.hasAdminLogin() ? normal(endpoint.adminUser()) : null;
    boolean adminForOthers = false;
    for (int i = 0; i < mailboxes.size(); i++) {
      MailboxEntry mailbox = mailboxes.get(i);
      if (mailbox == null || userOf.apply(mailbox) == null || ownPassword.test(mailbox)) {
        continue;
      }
      if (admin == null) {
        violations.onElement("mailboxes", i, passwordField, missingPassword);
      } else if (!normal(userOf.apply(mailbox)).equals(admin)) {
        adminForOthers = true;
      }
    }
    if (adminForOthers) {
      violations.on(authPath, "{cutover.auth.plain.shared}");
    }
  }

  private static void unique(
      List<MailboxEntry> mailboxes,
      Function<MailboxEntry, String> userOf,
      Function<String, String> mailboxOf,
      Function<MailboxEntry, String> ownLogin,
      String field,
      String message,
      RuleViolations violations) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < mailboxes.size(); i++) {
      MailboxEntry mailbox = mailboxes.get(i);
      String user = mailbox == null ? null : userOf.apply(mailbox);
      if (user == null) {
        continue;
      }
      Integer earlier = seen.putIfAbsent(normal(mailboxOf.apply(user)), i);
      if (earlier == null) {
        continue;
      }
      if (ownLogin.apply(mailbox) != null) {
        violations.onElement("mailboxes", i, field, message);
      } else if (!normal(user).equals(normal(userOf.apply(mailboxes.get(earlier))))) {
        // Two addresses, one alias: the admin would open the same mailbox for both.
        violations.onElement("mailboxes", i, "emailAddress", "{cutover.mailbox.alias.duplicate}");
      }
    }
  }

  /** The mailbox name the source login opens for {@code user}: by alias where the endpoint says. */
  static String sourceMailbox(ImapEndpoint source, String user) {
    return source != null && source.auth() != null && source.auth().actsForUser()
        ? source.mailboxName().of(user)
        : user;
  }

  private static String normal(String user) {
    return user.strip().toLowerCase(Locale.ROOT);
  }
}
