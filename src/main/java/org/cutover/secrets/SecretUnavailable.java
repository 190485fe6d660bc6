package org.cutover.secrets;

/** A stored secret cannot be read: missing, encrypted with another key, or altered. */
public class SecretUnavailable extends RuntimeException {

  SecretUnavailable(String message) {
    super(message);
  }

  SecretUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
