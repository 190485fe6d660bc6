package org.cutover.dns;

/** How an answer travelled. */
public enum Transport {
  UDP("UDP"),
  TCP("TCP"),
  /** The UDP answer was truncated (TC flag) and the full answer came over TCP. */
  TCP_AFTER_TRUNCATION("TCP after a truncated UDP answer");

  private final String text;

  Transport(String text) {
    this.text = text;
  }

  @Override
  public String toString() {
    return text;
  }
}
