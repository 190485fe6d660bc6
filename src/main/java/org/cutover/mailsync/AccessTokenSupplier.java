package org.cutover.mailsync;

/**
 * Hands out an OAuth 2.0 access token for XOAUTH2 logins (for example from Microsoft Entra ID for
 * Exchange Online). Called for every new connection, so an implementation can cache and refresh.
 */
@FunctionalInterface
public interface AccessTokenSupplier {

  /**
   * A valid access token for {@code user}.
   *
   * @throws RuntimeException with a message saying what failed when no token can be obtained
   */
  String accessToken(String user);
}
