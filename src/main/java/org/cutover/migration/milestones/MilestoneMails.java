package org.cutover.migration.milestones;

/** What the runbook tells when it reaches a milestone. */
public interface MilestoneMails {

  /**
   * Records that the migration reached the milestone, in the caller's transaction, and mails the
   * administrator once it is committed; reaching it again (a retried step) mails nothing more.
   */
  void reached(String migrationId, Milestone milestone);
}
