package org.cutover.migration;

import java.util.Locale;
import org.cutover.dns.TsigKey;

/**
 * A stored TSIG key as the administrator gives it: {@code name:algorithm:base64}, or {@code
 * algorithm:name:base64} as {@code nsupdate -y} takes it (the algorithm is recognised by its BIND
 * name, e.g. {@code hmac-sha256}). Only the key's name and algorithm are kept here; the secret is
 * taken from the text each time a message is signed. No message ever repeats the text.
 */
record TsigCredential(String keyName, String algorithm) {

  private static final int PARTS = 3;

  /**
   * The name and algorithm of the key in {@code text}.
   *
   * @throws StepNeedsAdministrator when the text is not such a key (without repeating it)
   */
  static TsigCredential parse(String text, String migrationId) {
    String[] parts = split(text);
    if (parts == null) {
      throw malformed(migrationId);
    }
    String first = parts[0].toLowerCase(Locale.ROOT);
    String second = parts[1].toLowerCase(Locale.ROOT);
    if (TsigKey.ALGORITHMS.contains(second) && !TsigKey.ALGORITHMS.contains(first)) {
      return new TsigCredential(parts[0], second);
    }
    if (TsigKey.ALGORITHMS.contains(first) && !TsigKey.ALGORITHMS.contains(second)) {
      return new TsigCredential(parts[1], first);
    }
    throw malformed(migrationId);
  }

  /** The base64 secret part of {@code text}, or null when the text is not a TSIG key. */
  static String secretOf(String text) {
    String[] parts = split(text);
    return parts == null ? null : parts[2];
  }

  private static String[] split(String text) {
    if (text == null) {
      return null;
    }
    String[] parts = text.strip().split(":", -1);
    if (parts.length != PARTS) {
      return null;
    }
    for (int i = 0; i < PARTS; i++) {
      parts[i] = parts[i].strip();
      if (parts[i].isEmpty()) {
        return null;
      }
    }
    return parts;
  }

  private static StepNeedsAdministrator malformed(String migrationId) {
    return new StepNeedsAdministrator(
        "Migration "
            + migrationId
            + ": the stored DNS credential is not a TSIG key written as name:algorithm:base64"
            + " (algorithm one of "
            + String.join(", ", TsigKey.ALGORITHMS)
            + "), so Cutover cannot change the zone with it; cancel the migration and register it"
            + " again with the key written that way");
  }

  @Override
  public String toString() {
    return "TsigCredential[" + keyName + " " + algorithm + "]";
  }
}
