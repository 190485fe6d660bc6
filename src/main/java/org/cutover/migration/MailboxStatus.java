package org.cutover.migration;

/** One mailbox's status within the batch. */
public enum MailboxStatus {
  QUEUED,
  PROVISIONING,
  SYNCING,
  SYNCED,
  INCREMENTAL_SYNCING,
  FAILED,
  /** The migration was cancelled before this mailbox's pass finished or started. */
  STOPPED,
  REMOVED
}
