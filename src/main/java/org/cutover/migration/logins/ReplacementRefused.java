package org.cutover.migration.logins;

/**
 * A credential was not replaced: the message says why and what to give instead, in English and
 * Danish.
 */
public final class ReplacementRefused extends RuntimeException {

  public ReplacementRefused(String message) {
    super(message);
  }
}
