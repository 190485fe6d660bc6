package org.cutover.mailsync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * What identifies a copy of a message without touching the message: a hash of its Message-ID,
 * INTERNALDATE (seconds), size and a digest of its header section (up to the first empty line,
 * carriage returns ignored). Computed the same way from the bytes being appended and from what a
 * target returns for {@code RFC822.SIZE INTERNALDATE BODY.PEEK[HEADER]}.
 */
record MessageFingerprint(String messageId, long internalDate, long size, String headerDigest) {

  private static final HexFormat HEX = HexFormat.of();

  /** Stored form: {@code v1:size:date:message-id-hash:header-digest}. */
  String stored() {
    return "v1:" + size + ":" + internalDate + ":" + messageId + ":" + headerDigest;
  }

  static MessageFingerprint parse(String stored) {
    String[] p = stored.split(":", -1);
    if (p.length != 5 || !p[0].equals("v1")) {
      throw new IllegalArgumentException("Not a stored message fingerprint: " + stored);
    }
    return new MessageFingerprint(p[3], Long.parseLong(p[2]), Long.parseLong(p[1]), p[4]);
  }

  /** Identity without size (sizes differ when a server estimates or rewrites line ends). */
  String withoutSize() {
    return internalDate + ":" + messageId + ":" + headerDigest;
  }

  /** Message-ID and date only, for targets that rewrite headers; null without a Message-ID. */
  String messageIdAndDate() {
    return messageId.isEmpty() ? null : internalDate + ":" + messageId;
  }

  /**
   * True when the other fingerprint has the same header section: a copy for which this is false was
   * altered by the server that stored it. Sizes are not compared: some servers report an estimate
   * as RFC822.SIZE (Exchange Online, GreenMail), so a different size proves nothing.
   */
  boolean sameHeaderAs(MessageFingerprint other) {
    return headerDigest.equals(other.headerDigest);
  }

  /** Fingerprint from a complete message or its header section. */
  static MessageFingerprint of(
      byte[] data, int offset, int length, Instant internalDate, long size) {
    Digester d = new Digester();
    d.update(data, offset, length);
    return d.finish(internalDate, size);
  }

  /**
   * Consumes a message (or its header section) in pieces and digests its header section; the
   * Message-ID is read from it on the way.
   */
  static final class Digester {
    private final MessageDigest sha = sha256();
    private final StringBuilder line = new StringBuilder();
    private boolean done;
    private boolean atLineStart = true;
    private String messageId = "";
    private String currentField;
    private final StringBuilder currentValue = new StringBuilder();

    void update(byte[] b, int off, int len) {
      int end = off + len;
      int i = off;
      while (i < end && !done) {
        byte c = b[i];
        if (c == '\r') {
          i++;
        } else if (c == '\n') {
          if (atLineStart) {
            endField();
            done = true;
            return;
          }
          sha.update((byte) '\n');
          endLine();
          atLineStart = true;
          i++;
        } else {
          // the bytes up to the next line end go to the digest in one piece
          int run = i;
          while (run < end && b[run] != '\r' && b[run] != '\n') {
            run++;
          }
          sha.update(b, i, run - i);
          int keep = Math.min(run - i, Math.max(0, 2048 - line.length()));
          for (int k = i; k < i + keep; k++) {
            line.append((char) (b[k] & 0xff));
          }
          atLineStart = false;
          i = run;
        }
      }
    }

    boolean headerComplete() {
      return done;
    }

    private void endLine() {
      String l = line.toString();
      line.setLength(0);
      if (!l.isEmpty() && (l.charAt(0) == ' ' || l.charAt(0) == '\t')) {
        if (currentField != null) {
          currentValue.append(' ').append(l.trim());
        }
        return;
      }
      endField();
      int colon = l.indexOf(':');
      if (colon > 0) {
        currentField = l.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        currentValue.setLength(0);
        currentValue.append(l.substring(colon + 1).trim());
      } else {
        currentField = null;
      }
    }

    private void endField() {
      if (currentField != null && currentField.equals("message-id") && messageId.isEmpty()) {
        String v = currentValue.toString().trim();
        if (!v.isEmpty()) {
          messageId =
              HEX.formatHex(sha256().digest(v.getBytes(StandardCharsets.ISO_8859_1)))
                  .substring(0, 24);
        }
      }
      currentField = null;
    }

    MessageFingerprint finish(Instant internalDate, long size) {
      if (!done) {
        if (!atLineStart) {
          sha.update((byte) '\n');
          endLine();
        }
        endField();
      }
      String digest = HEX.formatHex(sha.digest());
      long date = internalDate == null ? 0 : internalDate.getEpochSecond();
      return new MessageFingerprint(messageId, date, size, digest);
    }
  }

  /**
   * Digests a message's body (what follows the header section), carriage returns ignored, so that a
   * copy whose headers a server rewrote can still be recognised by its unchanged body.
   */
  static final class BodyDigester {
    private final MessageDigest sha = sha256();

    void update(byte[] b, int off, int len) {
      int end = off + len;
      int run = off;
      for (int i = off; i < end; i++) {
        if (b[i] == '\r') {
          sha.update(b, run, i - run);
          run = i + 1;
        }
      }
      sha.update(b, run, end - run);
    }

    String finish() {
      return HEX.formatHex(sha.digest());
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
