package org.cutover.dns;

/**
 * A migration's stored DNS key or token, read only when it is needed. Whoever reads it keeps
 * nothing of it and never puts it in a log line, a message or an exception.
 */
@FunctionalInterface
public interface DnsCredential {

  /**
   * The credential's text, read now.
   *
   * @throws Unreadable when it cannot be read (its message says what to do)
   */
  String reveal();

  /** The credential cannot be read now (deleted, or stored with another key). */
  final class Unreadable extends RuntimeException {

    public Unreadable(String message) {
      super(message);
    }
  }
}
