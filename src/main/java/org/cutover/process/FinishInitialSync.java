package org.cutover.process;

import static org.cutover.process.ProcessVariables.BATCH_STATUS;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.BatchStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Finish the initial sync": batch status Synced, or SyncedWithErrors when a mailbox failed; the
 * migration goes on either way. Sets {@code batchStatus}.
 */
@Component("finishInitialSync")
class FinishInitialSync extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(FinishInitialSync.class);

  private final BatchLifecycle batch;

  FinishInitialSync(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    BatchStatus status = batch.finishInitialSync(migrationId);
    BATCH_STATUS.set(execution, status.name());
    log.info("Migration {}: initial sync finished, batch status {}", migrationId, status);
  }
}
