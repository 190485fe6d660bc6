package org.cutover.mailsync;

import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Message-ID and subject of a message, read from its header section, to name a message that was
 * not copied. The subject is decoded (RFC 2047) and cut to {@value #MAX_SUBJECT} characters.
 */
record MessageEnvelope(String messageId, String subject) {

  static final int MAX_SUBJECT = 120;

  /** Header bytes read at most: the fields wanted are near the top of any real message. */
  static final int MAX_HEADER_BYTES = 64 * 1024;

  static final MessageEnvelope UNKNOWN = new MessageEnvelope(null, null);

  /** Reads the two fields from the start of a message or its header section. */
  static MessageEnvelope of(byte[] bytes, int offset, int length) {
    int end = offset + Math.min(length, MAX_HEADER_BYTES);
    String messageId = null;
    String subject = null;
    String field = null;
    StringBuilder value = new StringBuilder();
    int i = offset;
    while (i < end) {
      int lineEnd = i;
      while (lineEnd < end && bytes[lineEnd] != '\n') {
        lineEnd++;
      }
      int stop = lineEnd > i && bytes[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
      String line = new String(bytes, i, stop - i, StandardCharsets.UTF_8);
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (!continuation) {
        if ("message-id".equals(field) && messageId == null) {
          messageId = value.toString().strip();
        } else if ("subject".equals(field) && subject == null) {
          subject = value.toString().strip();
        }
        field = null;
        value.setLength(0);
        if (line.isEmpty()) {
          break;
        }
        int colon = line.indexOf(':');
        if (colon > 0) {
          field = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
          value.append(line, colon + 1, line.length());
        }
      } else if (field != null) {
        value.append(line);
      }
      i = lineEnd + 1;
    }
    if ("message-id".equals(field) && messageId == null) {
      messageId = value.toString().strip();
    } else if ("subject".equals(field) && subject == null) {
      subject = value.toString().strip();
    }
    return new MessageEnvelope(emptyToNull(messageId), shorten(decoded(subject)));
  }

  private static String decoded(String subject) {
    if (subject == null) {
      return null;
    }
    try {
      return MimeUtility.decodeText(subject);
    } catch (UnsupportedEncodingException | RuntimeException e) {
      return subject;
    }
  }

  private static String shorten(String subject) {
    if (subject == null || subject.isEmpty()) {
      return null;
    }
    String line = subject.replaceAll("\\s+", " ").strip();
    return line.length() <= MAX_SUBJECT ? line : line.substring(0, MAX_SUBJECT - 1) + "…";
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
