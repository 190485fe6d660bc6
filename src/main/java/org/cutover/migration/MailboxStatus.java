package org.cutover.migration;

/** One mailbox's status within the batch. */
public enum MailboxStatus {
  QUEUED,
  PROVISIONING,
  SYNCING,
  SYNCED,
  INCREMENTAL_SYNCING,
  FAILED,
  REMOVED
}
