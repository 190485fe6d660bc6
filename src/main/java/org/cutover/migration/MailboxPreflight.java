package org.cutover.migration;

import java.util.List;

/**
 * Checks every mailbox of a batch on the source and the target before the batch starts, keeps the
 * report, and takes the mailboxes that fail out of the batch when the administrator says so.
 */
public interface MailboxPreflight {

  /**
   * Opens every mailbox of the batch (not yet excluded) on both sides and records what each holds
   * and what is wrong with it, replacing the previous report.
   *
   * @return the mailboxes that fail, in batch order
   */
  List<MailboxCheck> check(String migrationId);

  /** The last report, every mailbox in batch order; empty before preflight ran. */
  List<MailboxCheck> report(String migrationId);

  /**
   * Removes the mailboxes the last report found failing from the batch; their report rows stay,
   * marked excluded.
   *
   * @return the addresses excluded
   * @throws StepNeedsAdministrator when that would leave the batch without a mailbox
   */
  List<String> excludeFailing(String migrationId);
}
