package org.cutover.migration;

/** Letters cannot be written or sent until a {@code cutover.letters.*} setting is given. */
public class LettersNotConfigured extends RuntimeException {

  public LettersNotConfigured(String message) {
    super(message);
  }
}
