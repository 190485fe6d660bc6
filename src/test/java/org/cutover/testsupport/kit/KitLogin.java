package org.cutover.testsupport.kit;

import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.imap.protocol.IMAPProtocol;

/** How the kit signs in as a user: with the user's own password or as an administrator. */
@FunctionalInterface
public interface KitLogin {

  void signIn(IMAPProtocol imap, String user) throws ProtocolException;

  /** {@code LOGIN userK pass-userK}, the private servers' accounts. */
  static KitLogin ownPassword() {
    return (imap, user) -> imap.login(user, "pass-" + user);
  }

  /** SASL PLAIN with authzid = the user and authcid = the administrator. */
  static KitLogin authzid(String admin, String password) {
    return (imap, user) -> imap.authplain(user, admin, password);
  }

  /** {@code LOGIN "user*admin" password}, Dovecot's master-user login. */
  static KitLogin masterUser(String admin, String password) {
    return (imap, user) -> imap.login(user + "*" + admin, password);
  }

  /**
   * Parses {@code user}, {@code authzid:ADMIN:PASS} or {@code master:ADMIN:PASS} (the command
   * line's spelling).
   */
  static KitLogin parse(String text) {
    String[] p = text.split(":", 3);
    return switch (p[0]) {
      case "user" -> ownPassword();
      case "authzid" -> authzid(p[1], p[2]);
      case "master" -> masterUser(p[1], p[2]);
      default ->
          throw new IllegalArgumentException(
              "login must be user, authzid:ADMIN:PASS or master:ADMIN:PASS, got " + text);
    };
  }
}
