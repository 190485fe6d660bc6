package org.cutover.mailsync;

/** How the connection to an IMAP server is protected. */
public enum ConnectionSecurity {
  /** TLS from the first byte (usually port 993). */
  IMPLICIT_TLS,
  /** Plain connection upgraded with STARTTLS before login; refused if the server cannot. */
  STARTTLS,
  /** No encryption at all; allowed only when the endpoint says so explicitly. */
  PLAINTEXT
}
