package org.cutover.migration;

/** How Cutover logs in to the mailboxes at an IMAP server. */
public enum ImapAuth {
  /**
   * Each user's own login and password (SASL PLAIN / LOGIN), the same as the {@code sync} command's
   * {@code password} method: the password given with the mailbox in the list, or the endpoint's
   * admin login for the admin's own mailbox only. A login opens its own mailbox alone, so a mailbox
   * that is neither is refused.
   */
  PLAIN,
  /**
   * The admin logs in on behalf of each user with SASL PLAIN, the user as authorization identity (a
   * Dovecot master user, Exchange FullAccess).
   */
  DELEGATED_ADMIN,
  /**
   * Exchange's login string, sent with LOGIN and the admin's password: {@code Domain/Admin/User}
   * with the admin written {@code Domain/Admin}, else {@code Admin\User} (admin written {@code
   * DOMAIN\admin} or {@code admin@domain}).
   */
  ADMIN_LOGIN_STRING,
  /** An OAuth 2.0 access token (SASL XOAUTH2). */
  XOAUTH2;

  /** Whether the admin acts for each user, so that the user is named by {@link MailboxName}. */
  public boolean actsForUser() {
    return this == DELEGATED_ADMIN || this == ADMIN_LOGIN_STRING;
  }
}
