package org.cutover.tenant;

import java.util.Objects;
import org.cutover.secrets.SecretRef;

/**
 * An IMAP host as a migration target and the admin login Cutover uses there.
 *
 * @param host host name or address
 * @param port TCP port
 * @param security how the connection is protected
 * @param allowPlaintext must be true for {@link Security#PLAINTEXT}
 * @param signIn how the admin login opens a user's mailbox
 * @param adminUser the admin login; null with PLAIN when each user signs in with the user's own
 *     password ({@link UserLogin})
 * @param credential the stored password (or, with XOAUTH2, access token) of the admin login
 * @param mailboxByAlias true when an admin acting for a user names the mailbox by the part of its
 *     address before the {@code @} (Exchange's alias)
 * @param allowLegacyTls true when TLS 1.0 and 1.1 may be spoken with this server
 */
public record ImapTargetServer(
    String host,
    int port,
    Security security,
    boolean allowPlaintext,
    SignIn signIn,
    String adminUser,
    SecretRef credential,
    boolean mailboxByAlias,
    boolean allowLegacyTls) {

  /** A server whose mailboxes are named by address, spoken to with TLS 1.2 or later. */
  public ImapTargetServer(
      String host,
      int port,
      Security security,
      boolean allowPlaintext,
      SignIn signIn,
      String adminUser,
      SecretRef credential) {
    this(host, port, security, allowPlaintext, signIn, adminUser, credential, false, false);
  }

  /** How the connection is protected. */
  public enum Security {
    IMPLICIT_TLS,
    STARTTLS,
    PLAINTEXT
  }

  /** How the admin login opens a user's mailbox. */
  public enum SignIn {
    /**
     * Each user's own login and password ({@link UserLogin}); the admin's own login, if given,
     * opens the admin's own mailbox only.
     */
    PLAIN,
    /** The admin logs in for each user: SASL PLAIN with the user as authorisation identity. */
    DELEGATED_ADMIN,
    /** The admin logs in for each user with Exchange's login string (Domain/Admin/User). */
    ADMIN_LOGIN_STRING,
    /** An OAuth 2.0 access token valid for every user's mailbox (SASL XOAUTH2). */
    XOAUTH2
  }

  public ImapTargetServer {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("An IMAP target needs a host");
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("IMAP port must be 1 to 65535; got " + port);
    }
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(signIn, "sign-in");
    if ((adminUser == null || adminUser.isBlank()) && signIn != SignIn.PLAIN) {
      throw new IllegalArgumentException("An IMAP target needs its admin login");
    }
    host = host.strip();
    adminUser = adminUser == null || adminUser.isBlank() ? null : adminUser.strip();
  }

  /** A user's own login at the target and the stored reference of the user's password. */
  public record UserLogin(String user, SecretRef password) {
    public UserLogin {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
    }
  }

  /** The user name a login acting for {@code address} names its mailbox by. */
  public String mailboxName(String address) {
    if (!mailboxByAlias
        || (signIn != SignIn.DELEGATED_ADMIN && signIn != SignIn.ADMIN_LOGIN_STRING)) {
      return address;
    }
    int at = address.indexOf('@');
    return (at > 0 ? address.substring(0, at) : address).toLowerCase(java.util.Locale.ROOT);
  }

  /** host:port, for messages. */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
