package org.cutover.migration;

import java.util.List;

/**
 * The report of the last mailbox preflight ({@link MailboxSyncEngine#checkMailboxes}), and the
 * exclusion of the mailboxes that failed it when the administrator says so. Backed by our tables.
 */
public interface PreflightReports {

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
