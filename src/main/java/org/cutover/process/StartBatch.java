package org.cutover.process;

import static org.cutover.process.ProcessVariables.LICENCE_DEADLINE;
import static org.cutover.process.ProcessVariables.LICENCE_DEADLINE_AT;
import static org.cutover.process.ProcessVariables.LICENCE_REMINDER_AT;
import static org.cutover.process.ProcessVariables.LICENCE_REMINDER_BEFORE;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Start the batch" (status Syncing). The licence deadline counts from here, as the target
 * mailboxes are created now: sets {@code licenceDeadlineAt} and {@code licenceReminderAt} once.
 */
@Component("startBatch")
class StartBatch extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(StartBatch.class);

  private final BatchLifecycle batch;

  StartBatch(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    batch.startBatch(migrationId);
    if (LICENCE_REMINDER_AT.get(execution) == null) {
      Instant now = EngineClock.now();
      Duration deadline = Duration.parse(LICENCE_DEADLINE.require(execution));
      Duration before = Duration.parse(LICENCE_REMINDER_BEFORE.require(execution));
      LICENCE_DEADLINE_AT.set(execution, EngineClock.timerDate(now.plus(deadline)));
      LICENCE_REMINDER_AT.set(execution, EngineClock.timerDate(now.plus(deadline).minus(before)));
    }
    log.info("Migration {}: batch started", migrationId);
  }
}
