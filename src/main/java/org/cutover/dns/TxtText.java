package org.cutover.dns;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes TXT texts in zone-file form: each string quoted, {@code "} and {@code \} escaped, bytes
 * outside printable ASCII as {@code \DDD}, and texts longer than 255 bytes split into several
 * strings (RFC 1035 §3.3.14).
 */
final class TxtText {

  private static final int MAX_STRING_BYTES = 255;

  private TxtText() {}

  /** {@code v=spf1 mx -all} becomes {@code "v=spf1 mx -all"}; long texts become several strings. */
  static String presentation(String text) {
    StringBuilder out = new StringBuilder();
    StringBuilder chunk = new StringBuilder();
    int chunkBytes = 0;
    for (int i = 0; i < text.length(); ) {
      int codePoint = text.codePointAt(i);
      String character = new String(Character.toChars(codePoint));
      int bytes = character.getBytes(StandardCharsets.UTF_8).length;
      if (chunkBytes + bytes > MAX_STRING_BYTES) {
        append(out, chunk.toString().getBytes(StandardCharsets.UTF_8));
        chunk.setLength(0);
        chunkBytes = 0;
      }
      chunk.append(character);
      chunkBytes += bytes;
      i += Character.charCount(codePoint);
    }
    append(out, chunk.toString().getBytes(StandardCharsets.UTF_8));
    return out.toString();
  }

  /** The strings of one TXT record, each quoted, separated by a space. */
  static String presentation(List<byte[]> strings) {
    StringBuilder out = new StringBuilder();
    for (byte[] string : strings) {
      append(out, string);
    }
    return out.isEmpty() ? "\"\"" : out.toString();
  }

  private static void append(StringBuilder out, byte[] string) {
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append('"');
    for (byte value : string) {
      int b = value & 0xFF;
      if (b < 0x20 || b > 0x7E) {
        out.append('\\').append(String.format("%03d", b));
      } else {
        if (b == '"' || b == '\\') {
          out.append('\\');
        }
        out.append((char) b);
      }
    }
    out.append('"');
  }
}
