package org.cutover.migration.failed;

import java.util.List;

/** The batch's failed mailboxes, and taking them out of the batch. */
public interface FailedMailboxes {

  /** The mailboxes whose last pass failed, in batch order. */
  List<FailedMailbox> failedMailboxes(String migrationId);

  /**
   * Takes the failed mailboxes out of the batch: no later pass, sweep or count waits for them; they
   * stay in the reports as removed, with their error.
   *
   * @return the addresses taken out
   */
  List<String> excludeFailedMailboxes(String migrationId);
}
