package org.cutover.dns.rfc2136;

import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import org.cutover.dns.TsigKey;

/**
 * A TSIG key as the administrator stores it: {@code name:algorithm:base64}, or {@code
 * algorithm:name:base64} as {@code nsupdate -y} takes it (the algorithm is recognised by its BIND
 * name, e.g. {@code hmac-sha256}). Only the key's name and algorithm are kept here; the secret is
 * taken from the text each time a message is signed. Nothing here repeats the text.
 */
record TsigKeyText(String keyName, String algorithm) {

  private static final int PARTS = 3;

  /** The name and algorithm of the key in {@code text}, or empty when it is not such a key. */
  static Optional<TsigKeyText> parse(String text) {
    String[] parts = split(text);
    if (parts == null || !isBase64(parts[2])) {
      return Optional.empty();
    }
    String first = parts[0].toLowerCase(Locale.ROOT);
    String second = parts[1].toLowerCase(Locale.ROOT);
    if (TsigKey.ALGORITHMS.contains(second) && !TsigKey.ALGORITHMS.contains(first)) {
      return Optional.of(new TsigKeyText(parts[0], second));
    }
    if (TsigKey.ALGORITHMS.contains(first) && !TsigKey.ALGORITHMS.contains(second)) {
      return Optional.of(new TsigKeyText(parts[1], first));
    }
    return Optional.empty();
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

  private static boolean isBase64(String text) {
    try {
      Base64.getDecoder().decode(text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public String toString() {
    return "TsigKeyText[" + keyName + " " + algorithm + "]";
  }
}
