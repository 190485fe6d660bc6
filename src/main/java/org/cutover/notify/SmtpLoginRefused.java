package org.cutover.notify;

/**
 * The SMTP server refused our login, or requires one that is not configured. Nothing can be sent
 * until the configuration is corrected; the message names the server and the user, never the
 * password.
 */
public class SmtpLoginRefused extends RuntimeException {

  private SmtpLoginRefused(String message) {
    super(message);
  }

  static SmtpLoginRefused refused(String host, String user) {
    return new SmtpLoginRefused(
        "The SMTP server "
            + host
            + " refused the login of "
            + user
            + ": check spring.mail.username/password");
  }

  static SmtpLoginRefused required(String host, String reply) {
    return new SmtpLoginRefused(
        "The SMTP server "
            + host
            + " requires a login ("
            + reply
            + "): set spring.mail.username and spring.mail.password");
  }
}
