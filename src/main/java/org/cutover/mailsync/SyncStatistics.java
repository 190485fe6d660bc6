package org.cutover.mailsync;

import java.time.Duration;

/**
 * What one mailbox pass did.
 *
 * @param foldersSynced folder pairs that finished this pass
 * @param messagesCopied messages appended to the target and stored as sent, byte for byte
 * @param bytesCopied bytes appended (of the copied and the altered messages)
 * @param flagsUpdated messages whose flags were brought across again
 * @param messagesSkipped messages not copied and reported (too large, unreadable on the source)
 * @param messagesRejected messages the target refused (counted against the bad-item limit)
 * @param messagesMatched messages found already on the target (after a lost answer, a UIDVALIDITY
 *     change or a first run into a filled target) and recorded instead of copied again
 * @param messagesAltered messages whose copy on the target differs from the source (its headers
 *     rewritten by the target): appended in this pass and stored altered (not counted as copied),
 *     or found altered on the target (also counted as matched)
 * @param deletedOnTarget copies deleted on the target because their source was deleted
 * @param elapsed wall time of the pass
 */
public record SyncStatistics(
    int foldersSynced,
    long messagesCopied,
    long bytesCopied,
    long flagsUpdated,
    long messagesSkipped,
    long messagesRejected,
    long messagesMatched,
    long messagesAltered,
    long deletedOnTarget,
    Duration elapsed) {

  public static SyncStatistics none() {
    return new SyncStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
  }
}
