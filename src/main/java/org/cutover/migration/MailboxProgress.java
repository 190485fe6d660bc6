package org.cutover.migration;

import java.time.Duration;
import java.time.Instant;

/**
 * Where a mailbox's running (or last) pass stood when it last wrote its progress.
 *
 * @param foldersDone folders finished
 * @param foldersTotal folders the pass syncs
 * @param messagesCopied messages copied by this pass
 * @param messagesToCopy messages it found to copy in the folders it looked at so far
 * @param bytesCopied bytes copied by this pass
 * @param bytesToCopy bytes it found to copy so far
 * @param startedAt when the pass started
 * @param updatedAt when this progress was written
 */
public record MailboxProgress(
    int foldersDone,
    int foldersTotal,
    long messagesCopied,
    long messagesToCopy,
    long bytesCopied,
    long bytesToCopy,
    Instant startedAt,
    Instant updatedAt) {

  /** Bytes per second copied by this pass so far; 0 before anything was copied. */
  public long bytesPerSecond() {
    if (startedAt == null || updatedAt == null) {
      return 0;
    }
    long millis = Duration.between(startedAt, updatedAt).toMillis();
    return millis <= 0 ? 0 : bytesCopied * 1000 / millis;
  }

  /** The time left at the rate so far for what the pass has found to copy; null when unknown. */
  public Duration estimatedTimeLeft() {
    long rate = bytesPerSecond();
    if (rate <= 0) {
      return null;
    }
    return Duration.ofSeconds(Math.max(0, bytesToCopy - bytesCopied) / rate);
  }
}
