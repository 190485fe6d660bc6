package org.cutover.mailsync;

import java.time.Duration;

/**
 * What one mailbox pass did.
 *
 * @param foldersSynced folder pairs that finished this pass
 * @param messagesCopied messages appended to the target
 * @param bytesCopied bytes of those messages
 * @param flagsUpdated messages whose flags were brought across again
 * @param messagesSkipped messages not copied and reported (too large, unreadable on the source)
 * @param messagesRejected messages the target refused (counted against the bad-item limit)
 * @param messagesMatched messages found already on the target (after a lost answer, a UIDVALIDITY
 *     change or a first run into a filled target) and recorded instead of copied again
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
    long deletedOnTarget,
    Duration elapsed) {

  public static SyncStatistics none() {
    return new SyncStatistics(0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
  }
}
