package org.cutover.testsupport.kit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.angus.mail.iap.Literal;

/**
 * One message of about N megabytes (a short text and a base64 attachment), written straight to the
 * connection as APPEND sends it: never held in memory, and the same bytes on every write.
 */
final class BigMessage implements Literal {

  private static final int RAW_LINE = 57; // 57 bytes make one 76-character base64 line
  private static final String BOUNDARY = "----=_Part_big_0001";

  private final String key;
  private final byte[] head;
  private final byte[] tail;
  private final long lines;

  BigMessage(String key, String user, String date, int megabytes) {
    this.key = key;
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    MessageMaker.header(h, "Date", date);
    MessageMaker.header(
        h, "From", MessageMaker.encodedWord("Søren Østergaard") + " <soren@example.dk>");
    MessageMaker.header(h, "To", "<" + user + "@example.org>");
    MessageMaker.header(
        h, "Subject", MessageMaker.encodedWord("Stor fil: arkiv på " + megabytes + " MB 📦"));
    MessageMaker.header(h, "Message-ID", "<big." + key.replace(':', '.') + "@mail.example.org>");
    MessageMaker.header(h, "MIME-Version", "1.0");
    MessageMaker.header(h, "Content-Type", "multipart/mixed; boundary=\"" + BOUNDARY + "\"");
    h.writeBytes(MessageMaker.CRLF);
    String text =
        "\r\n--"
            + BOUNDARY
            + "\r\nContent-Type: text/plain; charset=\"utf-8\"\r\n"
            + "Content-Transfer-Encoding: 8bit\r\n\r\nHer er hele arkivet, som aftalt.\r\n"
            + "\r\n--"
            + BOUNDARY
            + "\r\nContent-Type: application/zip; name=\"arkiv.zip\"\r\n"
            + "Content-Disposition: attachment; filename=\"arkiv.zip\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n";
    h.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    this.head = h.toByteArray();
    this.tail = ("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
    this.lines = (megabytes * 1_000_000L * 3 / 4) / RAW_LINE;
  }

  @Override
  public int size() {
    return Math.toIntExact(head.length + lines * 78 + tail.length);
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(head);
    Seeded rng = new Seeded("big:" + key);
    Base64.Encoder base64 = Base64.getEncoder();
    byte[] raw = new byte[RAW_LINE * 1024];
    for (long done = 0; done < lines; ) {
      int n = (int) Math.min(1024, lines - done);
      rng.fill(raw);
      for (int i = 0; i < n; i++) {
        byte[] line = new byte[RAW_LINE];
        System.arraycopy(raw, i * RAW_LINE, line, 0, RAW_LINE);
        out.write(base64.encode(line));
        out.write(MessageMaker.CRLF);
      }
      done += n;
    }
    out.write(tail);
  }
}
