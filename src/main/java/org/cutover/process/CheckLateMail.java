package org.cutover.process;

import static org.cutover.process.ProcessVariables.INSTANCES;
import static org.cutover.process.ProcessVariables.LATE_MAIL_NEXT_CHECK;
import static org.cutover.process.ProcessVariables.LATE_MAIL_WATCH_OVER;
import static org.cutover.process.ProcessVariables.LOOP_COUNTER;
import static org.cutover.process.ProcessVariables.MAILBOX_ID;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.watch.LateMailWatch;
import org.cutover.migration.watch.WatchCheck;
import org.springframework.stereotype.Component;

/**
 * "Copy late mail to the target", once per source mailbox ({@code mailboxId}, a sequential
 * multi-instance with a job per mailbox, so no step outlives its job lock however large the batch):
 * copies what reached the mailbox since the last look (the first look starts the watch). After the
 * last mailbox it counts the look and says whether the watch period is over and when to look again.
 */
@Component("checkLateMail")
class CheckLateMail extends RunbookStep {

  private final LateMailWatch watch;

  CheckLateMail(LateMailWatch watch) {
    this.watch = watch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    watch.lookAt(migrationId, MAILBOX_ID.require(execution));
    if (LOOP_COUNTER.require(execution) + 1 < INSTANCES.require(execution)) {
      return;
    }
    WatchCheck check = watch.check(migrationId);
    LATE_MAIL_WATCH_OVER.set(execution, check.over());
    LATE_MAIL_NEXT_CHECK.set(execution, check.nextCheckIn().toString());
  }
}
