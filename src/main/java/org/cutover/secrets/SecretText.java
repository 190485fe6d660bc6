package org.cutover.secrets;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.Arrays;

/**
 * A secret as it arrives (a password typed into a request): it never prints itself, so a record
 * holding it can be logged or put in an exception message without leaking it.
 */
public final class SecretText {

  private final char[] value;

  private SecretText(char[] value) {
    this.value = value;
  }

  @JsonCreator
  public static SecretText of(String value) {
    return value == null ? null : new SecretText(value.toCharArray());
  }

  public static SecretText of(char[] value) {
    return new SecretText(value.clone());
  }

  /** The number of characters, to bound what is stored without looking at it. */
  public int length() {
    return value.length;
  }

  public boolean isBlank() {
    for (char c : value) {
      if (!Character.isWhitespace(c)) {
        return false;
      }
    }
    return true;
  }

  /** A copy of the characters; the caller should clear it after use. */
  public char[] reveal() {
    return value.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SecretText text && Arrays.equals(value, text.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public String toString() {
    return "[secret]";
  }
}
