package org.cutover.migration;

/** Where a migration stands in the runbook, as an administrator would say it. */
public enum MigrationPhase {
  PREPARING,
  MIGRATING,
  CUTTING_OVER,
  FINISHING,
  COMPLETED,
  CANCELLING,
  CANCELLED
}
