package org.cutover.mailsync;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The folder that holds large messages while they are copied. A run killed during such a message
 * leaves its file behind (8 MiB and more); this removes what earlier runs left.
 */
public final class SpoolFolder {

  private static final Logger log = LoggerFactory.getLogger(SpoolFolder.class);

  private SpoolFolder() {}

  /**
   * Deletes the spool files in {@code dir} last written more than {@code olderThan} ago ({@link
   * Duration#ZERO}: all of them, for a folder no other run uses); returns how many. A folder that
   * does not exist holds none.
   */
  public static int clean(Path dir, Duration olderThan) {
    if (dir == null || !Files.isDirectory(dir)) {
      return 0;
    }
    Instant before = Instant.now().minus(olderThan);
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "mailsync-*.eml")) {
      for (Path f : files) {
        if (olderThan.isZero() || Files.getLastModifiedTime(f).toInstant().isBefore(before)) {
          Files.deleteIfExists(f);
          deleted++;
        }
      }
    } catch (IOException e) {
      log.warn("Could not clean the spool folder {}: {}", dir, e.toString());
    }
    if (deleted > 0) {
      log.info("Deleted {} spool files left in {} by an earlier run", deleted, dir);
    }
    return deleted;
  }
}
