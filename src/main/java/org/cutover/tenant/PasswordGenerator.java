package org.cutover.tenant;

import java.security.SecureRandom;

/**
 * Initial passwords that meet Microsoft Entra ID's rules (8 to 256 characters, three of upper case,
 * lower case, digits and symbols): every class at least once, no look-alike characters, no comma or
 * quote and no symbol first, so they read and copy well from a CSV file or a spreadsheet.
 */
final class PasswordGenerator {

  private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijkmnpqrstuvwxyz";
  private static final String DIGITS = "23456789";
  private static final String SYMBOLS = "!#$%*+-=?@_";
  private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;

  private final SecureRandom random = new SecureRandom();
  private final int length;

  PasswordGenerator(int length) {
    if (length < 12) {
      throw new IllegalArgumentException("Initial passwords need at least 12 characters");
    }
    this.length = length;
  }

  char[] next() {
    char[] password = new char[length];
    String[] classes = {UPPER, LOWER, DIGITS, SYMBOLS};
    for (int i = 0; i < length; i++) {
      String from = i < classes.length ? classes[i] : ALL;
      password[i] = from.charAt(random.nextInt(from.length()));
    }
    for (int i = length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      char swap = password[i];
      password[i] = password[j];
      password[j] = swap;
    }
    if (SYMBOLS.indexOf(password[0]) >= 0) {
      // A spreadsheet would take a leading symbol such as '=' or '+' for a formula.
      for (int i = 1; i < length; i++) {
        if (SYMBOLS.indexOf(password[i]) < 0) {
          char swap = password[0];
          password[0] = password[i];
          password[i] = swap;
          break;
        }
      }
    }
    return password;
  }
}
