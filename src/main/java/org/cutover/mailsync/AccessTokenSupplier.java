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

  /**
   * A token issued after the one {@link #accessToken} handed out last, asked for once when the
   * server refused that one (it expired or was revoked before the supplier knew). A supplier that
   * cannot renew (a token given by hand) hands out the same token, which the server refuses again.
   */
  default String renewedAccessToken(String user) {
    return accessToken(user);
  }
}
