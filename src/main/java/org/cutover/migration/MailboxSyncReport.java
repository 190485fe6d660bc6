package org.cutover.migration;

/**
 * What one sync pass of one mailbox did. {@code error} is null when it succeeded; {@code
 * messagesAltered} counts copies the target stored altered (headers rewritten), which are not in
 * {@code messagesCopied}.
 */
public record MailboxSyncReport(
    long messagesCopied,
    long flagsUpdated,
    long messagesSkipped,
    long bytesCopied,
    String error,
    long messagesAltered,
    java.util.List<org.cutover.mailsync.SkippedItem> skippedItems,
    java.util.List<org.cutover.mailsync.FolderTally> tallies) {

  public MailboxSyncReport {
    skippedItems = skippedItems == null ? java.util.List.of() : java.util.List.copyOf(skippedItems);
    tallies = tallies == null ? java.util.List.of() : java.util.List.copyOf(tallies);
  }

  public MailboxSyncReport(
      long messagesCopied,
      long flagsUpdated,
      long messagesSkipped,
      long bytesCopied,
      String error,
      long messagesAltered) {
    this(
        messagesCopied,
        flagsUpdated,
        messagesSkipped,
        bytesCopied,
        error,
        messagesAltered,
        java.util.List.of(),
        java.util.List.of());
  }

  public MailboxSyncReport(
      long messagesCopied,
      long flagsUpdated,
      long messagesSkipped,
      long bytesCopied,
      String error) {
    this(messagesCopied, flagsUpdated, messagesSkipped, bytesCopied, error, 0);
  }

  public boolean succeeded() {
    return error == null;
  }

  /** The status a pass leaves its mailbox in: Synced, SyncedWithErrors or Failed. */
  public MailboxStatus status() {
    if (!succeeded()) {
      return MailboxStatus.FAILED;
    }
    return messagesSkipped > 0 || !skippedItems.isEmpty()
        ? MailboxStatus.SYNCED_WITH_ERRORS
        : MailboxStatus.SYNCED;
  }
}
