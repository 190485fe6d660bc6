package org.cutover.notify;

/** The SMTP server cannot be reached or refused the connection; trying later may succeed. */
public class SmtpUnavailable extends RuntimeException {

  SmtpUnavailable(String message) {
    super(message);
  }
}
