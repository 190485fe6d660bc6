package org.cutover.mailsync;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An order-free digest of a set of message fingerprints: the sum modulo 2^256 of the SHA-256 of
 * each fingerprint's {@code messageId:internalDate:size:headerDigest}. Sums of parts add up to the
 * sum of the whole, so passes that copy a folder in several goes give the same digest as one.
 */
public final class CopyDigest {

  private static final BigInteger MODULUS = BigInteger.ONE.shiftLeft(256);
  private BigInteger sum = BigInteger.ZERO;

  /** The digest of no message. */
  public static final String EMPTY = hex(BigInteger.ZERO);

  /** Adds one message, given the parts of its fingerprint. */
  public void add(String messageId, long internalDateSeconds, long size, String headerDigest) {
    byte[] hash =
        sha256()
            .digest(
                (messageId + ":" + internalDateSeconds + ":" + size + ":" + headerDigest)
                    .getBytes(StandardCharsets.UTF_8));
    sum = sum.add(new BigInteger(1, hash)).mod(MODULUS);
  }

  void add(MessageFingerprint fingerprint) {
    add(
        fingerprint.messageId(),
        fingerprint.internalDate(),
        fingerprint.size(),
        fingerprint.headerDigest());
  }

  public String hex() {
    return hex(sum);
  }

  /** Two digests (lower-case hex) combined, as if their messages were digested together. */
  public static String plus(String a, String b) {
    return hex(new BigInteger(a, 16).add(new BigInteger(b, 16)).mod(MODULUS));
  }

  private static String hex(BigInteger value) {
    String h = value.toString(16);
    return "0".repeat(64 - h.length()) + h;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
