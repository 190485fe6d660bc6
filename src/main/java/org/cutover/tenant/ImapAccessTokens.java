package org.cutover.tenant;

/**
 * Access tokens for XOAUTH2 at a migration's target IMAP server (Exchange Online: from Microsoft
 * Entra ID with the scope {@code https://outlook.office365.com/.default}). The mail sync engine
 * asks on every login; tokens are cached and renewed shortly before they expire. A token is a
 * secret: never log it or put it in a message.
 */
public interface ImapAccessTokens {

  /**
   * A valid token for the target of the migration.
   *
   * @throws TargetNeedsAdministrator when the app registration cannot sign in
   * @throws TargetUnavailable when Microsoft Entra ID cannot be reached now
   */
  String accessToken(String migrationId);

  /**
   * A new token, not the cached one: after the server refused the last one (for example {@code *
   * BYE Session invalidated - AccessTokenExpired}).
   */
  String renewedAccessToken(String migrationId);
}
