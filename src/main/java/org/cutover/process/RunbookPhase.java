package org.cutover.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.MigrationPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records where the migration stands, from execution listeners on the model's milestone events:
 * {@code ${runbookPhase.record(execution, 'CUTTING_OVER')}}. Public because the expression language
 * calls it.
 */
@Component("runbookPhase")
public class RunbookPhase {

  private static final Logger log = LoggerFactory.getLogger(RunbookPhase.class);

  private final BatchLifecycle batch;

  RunbookPhase(BatchLifecycle batch) {
    this.batch = batch;
  }

  public void record(DelegateExecution execution, String phase) {
    String migrationId = ProcessVariables.MIGRATION_ID.require(execution);
    batch.recordPhase(migrationId, MigrationPhase.valueOf(phase));
    log.info("Migration {}: phase {}", migrationId, phase);
  }
}
