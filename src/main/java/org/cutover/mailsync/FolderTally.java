package org.cutover.mailsync;

/**
 * One folder's count at the end of a pass that opened it, for reconciliation: what the source and
 * the target hold, what the pass's state records as copied, and what this pass copied and skipped.
 *
 * @param folder source folder as shown to people
 * @param targetFolder the target folder it is copied to
 * @param sourceMessages messages in the source folder when the pass opened it
 * @param targetMessages messages in the target folder when the pass was done with it
 * @param recordedMessages source messages recorded with their copy on the target (copied or
 *     matched, in this pass or earlier ones)
 * @param skippedMessages messages of the folder skipped or refused in this pass
 * @param skippedBytes their sizes as the source reports them
 * @param copiedMessages messages appended in this pass
 * @param copiedBytes the bytes appended in this pass
 * @param copiedDigest an order-free digest of this pass's appended messages' fingerprints (the sum
 *     modulo 2^256 of the SHA-256 of each {@code messageId:internalDate:size:headerDigest}, in
 *     lower-case hex), so that digests of several passes add up to one for all copies
 */
public record FolderTally(
    String folder,
    String targetFolder,
    long sourceMessages,
    long targetMessages,
    long recordedMessages,
    long skippedMessages,
    long skippedBytes,
    long copiedMessages,
    long copiedBytes,
    String copiedDigest) {}
