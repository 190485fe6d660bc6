package org.cutover.migration;

/** What one sync pass of one mailbox did. {@code error} is null when it succeeded. */
public record MailboxSyncReport(
    long messagesCopied, long flagsUpdated, long messagesSkipped, long bytesCopied, String error) {

  public boolean succeeded() {
    return error == null;
  }
}
