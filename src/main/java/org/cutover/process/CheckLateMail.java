package org.cutover.process;

import static org.cutover.process.ProcessVariables.LATE_MAIL_NEXT_CHECK;
import static org.cutover.process.ProcessVariables.LATE_MAIL_WATCH_OVER;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.watch.LateMailWatch;
import org.cutover.migration.watch.WatchCheck;
import org.springframework.stereotype.Component;

/**
 * "Look for late mail on the source": copies what reached the source mailboxes since the last look
 * to the target (the first look starts the watch) and says whether the watch period is over.
 */
@Component("checkLateMail")
class CheckLateMail extends RunbookStep {

  private final LateMailWatch watch;

  CheckLateMail(LateMailWatch watch) {
    this.watch = watch;
  }

  @Override
  void run(DelegateExecution execution) {
    WatchCheck check = watch.check(MIGRATION_ID.require(execution));
    LATE_MAIL_WATCH_OVER.set(execution, check.over());
    LATE_MAIL_NEXT_CHECK.set(execution, check.nextCheckIn().toString());
  }
}
