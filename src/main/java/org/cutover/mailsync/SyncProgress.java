package org.cutover.mailsync;

/**
 * Where a mailbox pass stands; sent after each batch and each folder.
 *
 * @param mailboxKey the mailbox
 * @param folder the source folder just worked on
 * @param foldersDone folders finished so far
 * @param foldersTotal folders to sync in this pass
 * @param messagesCopied messages copied so far
 * @param bytesCopied bytes copied so far
 * @param messagesToCopy messages this pass found to copy in the folders inventoried so far
 * @param bytesToCopy their size
 */
public record SyncProgress(
    String mailboxKey,
    String folder,
    int foldersDone,
    int foldersTotal,
    long messagesCopied,
    long bytesCopied,
    long messagesToCopy,
    long bytesToCopy) {}
