package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Delete the batch": no more syncs; sync state and endpoint credentials removed. After it the
 * migration can no longer be cancelled.
 */
@Component("deleteBatch")
class DeleteBatch extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(DeleteBatch.class);

  private final BatchLifecycle batch;

  DeleteBatch(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    batch.deleteBatch(migrationId);
    log.info("Migration {}: batch deleted", migrationId);
  }
}
