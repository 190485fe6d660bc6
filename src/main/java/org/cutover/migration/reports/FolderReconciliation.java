package org.cutover.migration.reports;

import java.time.Instant;

/**
 * One folder as the last pass that opened it counted it, and its manifest.
 *
 * @param folder source folder
 * @param targetFolder the folder it is copied to
 * @param sourceMessages messages in the source folder
 * @param targetMessages messages in the target folder
 * @param recordedMessages source messages recorded with a copy on the target
 * @param skippedMessages messages left out by that pass
 * @param skippedBytes their size
 * @param copiedMessages manifest: messages Cutover appended to the folder, over all passes
 * @param copiedBytes manifest: their bytes
 * @param copiedDigest manifest: the order-free digest of their fingerprints (docs/operations.md)
 * @param countedAt when the folder was counted
 */
public record FolderReconciliation(
    String folder,
    String targetFolder,
    long sourceMessages,
    long targetMessages,
    long recordedMessages,
    long skippedMessages,
    long skippedBytes,
    long copiedMessages,
    long copiedBytes,
    String copiedDigest,
    Instant countedAt) {

  /** Source and target hold as many messages. */
  public boolean agrees() {
    return sourceMessages == targetMessages;
  }

  /**
   * The counts differ by exactly the messages left out: every source message is either recorded
   * with its copy or skipped, and the target holds only the recorded copies.
   */
  public boolean explained() {
    return sourceMessages == recordedMessages + skippedMessages
        && targetMessages == recordedMessages;
  }
}
