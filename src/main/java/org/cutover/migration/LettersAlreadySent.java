package org.cutover.migration;

/**
 * A letter can no longer be edited: it has been handed to the SMTP server for some recipients, and
 * an edit would reach only the others.
 */
public class LettersAlreadySent extends RuntimeException {

  public LettersAlreadySent(String message) {
    super(message);
  }
}
