package org.cutover.migration;

/** How the admin login authenticates at an IMAP server. */
public enum ImapAuth {
  /** The admin's own login and password (SASL PLAIN / LOGIN). */
  PLAIN,
  /** The admin logs in on behalf of each user (FullAccess-like delegated login). */
  DELEGATED_ADMIN,
  /** An OAuth 2.0 access token (SASL XOAUTH2). */
  XOAUTH2
}
