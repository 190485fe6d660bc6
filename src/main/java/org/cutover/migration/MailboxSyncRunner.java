package org.cutover.migration;

/**
 * Runs one sync pass of one mailbox and keeps its status: Syncing while it runs, then Synced (with
 * the time of the last successful sync) or Failed with the error. A pass for a batch already
 * deleted or stopped does nothing.
 */
public interface MailboxSyncRunner {

  /**
   * Runs the pass while {@code lock} and the mailbox's lease are held; stops before the next write
   * to the target once either is lost.
   *
   * @throws MailboxBusy when another pass holds the mailbox (nothing was done)
   * @throws PassStopped when the pass lost its lock or lease and stopped
   */
  MailboxSyncReport run(String mailboxId, SyncMode mode, TaskLock lock);

  /** Marks a mailbox failed after its retries ran out; the rest of the batch goes on. */
  void markFailed(String mailboxId, String error);
}
