package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** "Stop syncing" on cancel: the batch stops, nothing copied is touched. */
@Component("stopSyncing")
class StopSyncing extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(StopSyncing.class);

  private final BatchLifecycle batch;

  StopSyncing(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    batch.stopBatch(migrationId);
    log.info("Migration {}: batch stopped", migrationId);
  }
}
