package org.cutover.process;

import static org.cutover.process.ProcessVariables.LICENCE_DEADLINE;
import static org.cutover.process.ProcessVariables.LICENCE_DEADLINE_AT;
import static org.cutover.process.ProcessVariables.LICENCE_REMINDER_AT;
import static org.cutover.process.ProcessVariables.LICENCE_REMINDER_BEFORE;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.LetterDesk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Start the batch" (status Syncing). The licence deadline counts from here, as the target
 * mailboxes are created now: sets {@code licenceDeadlineAt} and {@code licenceReminderAt} once, and
 * records the deadline's day (UTC) for the licence reminder to name. Running again records the same
 * day.
 */
@Component("startBatch")
class StartBatch extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(StartBatch.class);

  private final BatchLifecycle batch;
  private final LetterDesk letters;

  StartBatch(BatchLifecycle batch, LetterDesk letters) {
    this.batch = batch;
    this.letters = letters;
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
    LocalDate deadlineDay =
        LocalDate.ofInstant(Instant.parse(LICENCE_DEADLINE_AT.require(execution)), ZoneOffset.UTC);
    letters.recordLicenceDeadline(migrationId, deadlineDay);
    log.info("Migration {}: batch started", migrationId);
  }
}
