package org.cutover.migration;

/** How the admin login authenticates at an IMAP server. */
public enum ImapAuth {
  /**
   * The admin's own login and password (SASL PLAIN / LOGIN): opens the admin's own mailbox only, so
   * it is refused for a batch of any other mailbox.
   */
  PLAIN,
  /** The admin logs in on behalf of each user (FullAccess-like delegated login). */
  DELEGATED_ADMIN,
  /** An OAuth 2.0 access token (SASL XOAUTH2). */
  XOAUTH2
}
