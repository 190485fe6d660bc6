package org.cutover.migration.letters;

/** How a user's mail program protects its connection to a server. */
public enum ClientEncryption {
  /** TLS from the first byte (IMAP 993, SMTP 465), called SSL/TLS in most mail programs. */
  TLS,
  /** A plain connection upgraded with STARTTLS (IMAP 143, SMTP 587). */
  STARTTLS,
  /** No encryption: only with {@code allowUnencrypted}, and the letters then warn. */
  NONE;

  int defaultIncomingPort() {
    return this == TLS ? 993 : 143;
  }

  int defaultOutgoingPort() {
    return this == TLS ? 465 : 587;
  }

  /** As mail programs name it, in the letter's language. */
  public String label(String language) {
    return switch (this) {
      case TLS -> "SSL/TLS";
      case STARTTLS -> "STARTTLS";
      case NONE -> "da".equals(language) ? "ingen" : "none";
    };
  }
}
