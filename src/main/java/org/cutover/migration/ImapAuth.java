package org.cutover.migration;

/** How the admin login authenticates at an IMAP server. */
public enum ImapAuth {
  /**
   * The admin's own login and password (SASL PLAIN / LOGIN): opens the admin's own mailbox only, so
   * it is refused for a batch of any other mailbox.
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
