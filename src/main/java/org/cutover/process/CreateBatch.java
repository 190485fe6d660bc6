package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Create the migration batch" with its mailboxes, all queued (batch status Created). */
@Component("createBatch")
class CreateBatch extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(CreateBatch.class);

  private final BatchLifecycle batch;

  CreateBatch(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    batch.createBatch(migrationId);
    log.info("Migration {}: migration batch created", migrationId);
  }
}
