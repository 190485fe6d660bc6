package org.cutover.migration;

import java.time.Instant;
import java.util.List;

/**
 * The migration batch as the runbook moves it along: each method is idempotent (a retried step
 * changes nothing more) and records its effect in our tables, where {@code GET
 * /api/migrations/{id}} shows it.
 */
public interface BatchLifecycle {

  void recordPhase(String migrationId, MigrationPhase phase);

  /** Creates the migration endpoint: tests the source connection and records it as ready. */
  void createEndpoint(String migrationId);

  /** Creates the batch with its mailboxes, all queued; batch status Created. */
  void createBatch(String migrationId);

  /** Batch status Syncing. */
  void startBatch(String migrationId);

  /** The ids of the batch's mailboxes not taken out of it, in a stable order. */
  List<String> mailboxIds(String migrationId);

  /**
   * The ids of every mailbox the migration holds, those taken out of the batch or removed with it
   * included, in a stable order: the watch for late mail looks at them after the batch is deleted.
   */
  List<String> everyMailboxId(String migrationId);

  /**
   * Ends the initial sync: Synced, or SyncedWithErrors when any mailbox failed or left messages
   * out.
   */
  BatchStatus finishInitialSync(String migrationId);

  void recordMxSwitch(String migrationId, Instant switchedAt);

  /**
   * Deletes the batch: no more syncs of the runbook. The endpoint credentials and the sync state
   * stay (encrypted) for the watch for late mail and a rollback during it, until {@link
   * #forgetSource}.
   */
  void deleteBatch(String migrationId);

  /**
   * Forgets the source once nothing needs it any more (the watch for late mail ended): endpoint and
   * user credentials deleted, sync state removed, the endpoints marked removed.
   */
  void forgetSource(String migrationId);

  /**
   * Stops the batch on cancel: no more syncs (running passes stop before their next write),
   * mailboxes waiting or syncing become Stopped, nothing copied is touched.
   */
  void stopBatch(String migrationId);
}
