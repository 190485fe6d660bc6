package org.cutover.migration;

import org.cutover.mailsync.AccessTokenSupplier;

/**
 * How the sync engine signs in to a Microsoft 365 target's IMAP server: OAuth 2.0 access tokens of
 * the migration's app registration. Provided by the target capability.
 */
public interface TargetImapAccess {

  /** Exchange Online's IMAP host. */
  String HOST = "outlook.office365.com";

  /** Tokens for the migration's tenant, fetched and renewed as needed, never logged. */
  AccessTokenSupplier tokens(String migrationId);
}
