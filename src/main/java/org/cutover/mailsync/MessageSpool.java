package org.cutover.mailsync;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fetches one large message into a spool file in parts of {@code partBytes}, so that only one part
 * is ever in memory, and reads its fingerprint back from the file. The caller deletes the file.
 */
final class MessageSpool {

  private MessageSpool() {}

  /** A new, empty spool file in {@code dir} (the system temp directory when null). */
  static Path create(Path dir) {
    try {
      return dir == null
          ? Files.createTempFile("mailsync-", ".eml")
          : Files.createTempFile(Files.createDirectories(dir), "mailsync-", ".eml");
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Could not create a spool file for a large message in "
              + (dir == null ? "the temp directory" : dir),
          e);
    }
  }

  /** Writes the message's bytes into {@code file}; returns how many came (0: none). */
  static long fill(Path file, ImapSession src, String folder, long uid, int partBytes) {
    long length = 0;
    try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      while (true) {
        long offset = length;
        int got =
            src.call(
                "UID FETCH (part) in " + folder,
                p -> {
                  try {
                    return ImapCommands.fetchPart(p, uid, offset, partBytes, os);
                  } catch (IOException e) {
                    throw new UncheckedIOException("Writing the spool file " + file + " failed", e);
                  }
                });
        if (got < 0) {
          break;
        }
        length += got;
        if (got < partBytes) {
          break;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing the spool file " + file + " failed", e);
    }
    return length;
  }

  /** The fingerprint of the spooled message (only its header section is read). */
  static MessageFingerprint fingerprint(Path file, SourceMessage m, long length) {
    MessageFingerprint.Digester d = new MessageFingerprint.Digester();
    byte[] buf = new byte[1 << 16];
    try (InputStream in = Files.newInputStream(file)) {
      int n;
      while (!d.headerComplete() && (n = in.read(buf)) > 0) {
        d.update(buf, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the spool file " + file + " failed", e);
    }
    return d.finish(m.instant(), length);
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete spool file " + file, e);
    }
  }
}
