package org.cutover.migration;

/** How an IMAP connection is protected. */
public enum ConnectionSecurity {
  /** TLS from the first byte (port 993). */
  IMPLICIT_TLS,
  /** Plain connection upgraded with STARTTLS before login (port 143). */
  STARTTLS,
  /** No encryption: passwords travel in clear text; only with allowPlaintext. */
  PLAINTEXT;

  int defaultPort() {
    return this == IMPLICIT_TLS ? 993 : 143;
  }
}
