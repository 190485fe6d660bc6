package org.cutover.migration;

/**
 * Runs one sync pass of one mailbox and keeps its status: Syncing while it runs, then Synced (with
 * the time of the last successful sync) or Failed with the error. A pass for a batch already
 * deleted or stopped does nothing.
 */
public interface MailboxSyncRunner {

  MailboxSyncReport run(String mailboxId, SyncMode mode, Runnable heartbeat);

  /** Marks a mailbox failed after its retries ran out; the rest of the batch goes on. */
  void markFailed(String mailboxId, String error);
}
