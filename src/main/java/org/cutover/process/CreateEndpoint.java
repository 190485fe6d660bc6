package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Create the migration endpoint": tests the source connection and records it as ready. */
@Component("createEndpoint")
class CreateEndpoint extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(CreateEndpoint.class);

  private final BatchLifecycle batch;

  CreateEndpoint(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    batch.createEndpoint(migrationId);
    log.info("Migration {}: migration endpoint created", migrationId);
  }
}
