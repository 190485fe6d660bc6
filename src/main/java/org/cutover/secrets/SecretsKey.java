package org.cutover.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 key secrets are encrypted with, and its public id: a fingerprint stored next to each
 * secret so that reading with another key says so instead of reporting tampering.
 */
final class SecretsKey {

  static final String PROPERTY = "cutover.secrets.key";
  static final String HOW_TO_GENERATE =
      "Generate one with `openssl rand -base64 32` and set it as "
          + PROPERTY
          + " (environment variable CUTOVER_SECRETS_KEY); keep it safe, stored credentials cannot"
          + " be read without it.";

  private final SecretKey key;
  private final String id;

  private SecretsKey(byte[] raw) {
    this.key = new SecretKeySpec(raw, "AES");
    this.id = fingerprint(raw);
    Arrays.fill(raw, (byte) 0);
  }

  /**
   * Reads a key given as base64 text.
   *
   * @param origin where the text came from, named in the error (never the text itself)
   */
  static SecretsKey fromBase64(String text, String origin) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(text.strip());
    } catch (IllegalArgumentException notBase64) {
      throw new UnusableSecretsKey(origin + " is not valid base64.", notBase64);
    }
    if (raw.length != 32) {
      int length = raw.length;
      Arrays.fill(raw, (byte) 0);
      throw new UnusableSecretsKey(
          origin + " decodes to " + length + " bytes; AES-256 needs exactly 32.", null);
    }
    return new SecretsKey(raw);
  }

  SecretKey key() {
    return key;
  }

  /** 16 hex digits derived from the key; tells keys apart without revealing them. */
  String id() {
    return id;
  }

  private static String fingerprint(byte[] raw) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(raw, "HmacSHA256"));
      byte[] digest = mac.doFinal("cutover secrets key id".getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException(
          "HmacSHA256 is not available in this Java runtime", impossible);
    }
  }

  @Override
  public String toString() {
    return "SecretsKey[id=" + id + "]";
  }
}
