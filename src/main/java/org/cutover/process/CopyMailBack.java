package org.cutover.process;

import static org.cutover.process.ProcessVariables.MAIL_NOT_COPIED_BACK;
import static org.cutover.process.ProcessVariables.MAIL_NOT_COPIED_BACK_COUNT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.watch.LateMailWatch;
import org.cutover.migration.wayback.MailWayBack;
import org.springframework.stereotype.Component;

/**
 * "Copy new mail back to the source" on cancel, after DNS is back and syncing stopped: mail that
 * reached the target after the MX switch (and flags users changed there) goes back to the source;
 * nothing when MX was never switched. A watch for late mail that the cancel interrupted ends here,
 * and the source's credentials go with it.
 */
@Component("copyMailBack")
class CopyMailBack extends RunbookStep {

  private final MailWayBack wayBack;
  private final LateMailWatch watch;

  CopyMailBack(MailWayBack wayBack, LateMailWatch watch) {
    this.wayBack = wayBack;
    this.watch = watch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    List<String> notCopied = wayBack.copyBack(migrationId);
    watch.endAfterRollback(migrationId);
    MAIL_NOT_COPIED_BACK_COUNT.set(execution, notCopied.size());
    MAIL_NOT_COPIED_BACK.set(
        execution,
        EndLateMailWatch.capped(
            String.join("\n", notCopied), "GET /api/migrations/" + migrationId + ", wayBack"));
  }
}
