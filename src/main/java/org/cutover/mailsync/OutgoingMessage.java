package org.cutover.mailsync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Literal;

/**
 * A message ready to append: its bytes (in memory, or in a spool file for large messages, written
 * to the connection in pieces), the flags and INTERNALDATE to append it with, and its fingerprint.
 */
record OutgoingMessage(
    SourceMessage source, Body body, FlagSet flags, MessageFingerprint fingerprint) {

  long size() {
    return body.size();
  }

  /** The bytes of a message as an APPEND literal. */
  sealed interface Body extends Literal permits InMemory, Spooled {}

  /** Bytes held in memory, as read from the source (no copy). */
  record InMemory(ByteArray bytes) implements Body {
    @Override
    public int size() {
      return bytes.getCount();
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
      os.write(bytes.getBytes(), bytes.getStart(), bytes.getCount());
    }
  }

  /** Bytes in a spool file, streamed to the connection. */
  record Spooled(Path file, int length) implements Body {
    @Override
    public int size() {
      return length;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
      try (InputStream in = Files.newInputStream(file)) {
        in.transferTo(os);
      }
    }
  }
}
