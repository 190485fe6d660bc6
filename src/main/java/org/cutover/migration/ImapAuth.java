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
  /** The admin logs in on behalf of each user (FullAccess-like delegated login). */
  DELEGATED_ADMIN,
  /** An OAuth 2.0 access token (SASL XOAUTH2). */
  XOAUTH2
}
