package org.cutover.migration;

/**
 * The target side of a migration (Microsoft 365 or a plain IMAP host): checks, and the mailbox that
 * must exist before mail is copied into it.
 */
public interface TargetTenant {

  /**
   * Checks the target before anything is changed: reachable, directory sync off, enough licences,
   * the right permissions.
   *
   * @throws StepNeedsAdministrator with every problem found and how to fix it
   */
  void preflight(String migrationId);

  /** Creates (or finds) the target user and mailbox for one mailbox of the batch. */
  void provisionMailbox(String mailboxId);
}
