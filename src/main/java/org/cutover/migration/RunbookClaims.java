package org.cutover.migration;

import java.util.Optional;

/**
 * Which process instance runs a migration's runbook: recorded by the first start, so that no second
 * one can run the same migration.
 */
public interface RunbookClaims {

  boolean exists(String migrationId);

  /**
   * Records {@code processInstanceId} as the migration's runbook unless it has one already.
   *
   * @return false when the migration is unknown or its runbook was started before
   */
  boolean claimRunbook(String migrationId, String processInstanceId);

  /** The process instance recorded as the migration's runbook, if any. */
  Optional<String> runbookOf(String migrationId);
}
