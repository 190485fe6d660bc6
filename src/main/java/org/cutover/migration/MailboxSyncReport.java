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
    long messagesAltered) {

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
}
