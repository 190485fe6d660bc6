package org.cutover.migration;

/** One mailbox's status within the batch. */
public enum MailboxStatus {
  QUEUED,
  PROVISIONING,
  SYNCING,
  SYNCED,
  /**
   * The last pass finished but left messages out (too large, refused by the target, unreadable on
   * the source): Microsoft's "synced with errors". Each is listed in the mailbox's report.
   */
  SYNCED_WITH_ERRORS,
  INCREMENTAL_SYNCING,
  FAILED,
  /** The migration was cancelled before this mailbox's pass finished or started. */
  STOPPED,
  REMOVED
}
