package org.cutover.mailsync;

/**
 * Exchange's administrator login strings for IMAP: the administrator, then the mailbox, in one user
 * name sent with LOGIN. Exchange reads {@code Domain/Admin/User} (the form of Microsoft's IMAP
 * migration) and {@code Domain\Admin\User} or {@code admin@domain\User}; the separator between
 * administrator and mailbox follows the one the administrator is written with.
 */
public final class LoginStrings {

  private LoginStrings() {}

  /** The login string for {@code admin} opening {@code mailboxUser}'s mailbox. */
  public static String join(String admin, String mailboxUser) {
    return admin + separator(admin) + mailboxUser;
  }

  /**
   * What is wrong with this administrator and mailbox as a login string, or null when they make one
   * that names exactly one administrator and one mailbox.
   */
  public static String problem(String admin, String mailboxUser) {
    if (admin.indexOf('/') >= 0 && admin.indexOf('\\') >= 0) {
      return "The administrator '"
          + admin
          + "' mixes / and \\: write it Domain/Admin for the Domain/Admin/User login string, or"
          + " DOMAIN\\admin or admin@domain for the Admin\\User one";
    }
    String[] parts = admin.split(separator(admin).equals("/") ? "/" : "\\\\", -1);
    if (parts.length > 2 || java.util.Arrays.stream(parts).anyMatch(String::isBlank)) {
      return "The administrator '"
          + admin
          + "' is not Domain/Admin, DOMAIN\\admin, admin or admin@domain";
    }
    if (mailboxUser.indexOf('/') >= 0 || mailboxUser.indexOf('\\') >= 0) {
      return "The mailbox user '"
          + mailboxUser
          + "' holds / or \\, so the login string would name another mailbox";
    }
    return null;
  }

  private static String separator(String admin) {
    return admin.indexOf('/') >= 0 ? "/" : "\\";
  }
}
