package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.SYNC_AGAIN;

import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cutover.migration.FinalSweeps;
import org.cutover.migration.UnsweptMailbox;
import org.springframework.stereotype.Component;

/**
 * "Review mailboxes the final sweep missed", when completed: an administrator who lets the batch go
 * without sweeping them is recorded on the migration with the mailboxes, who (the signed-in user
 * completing the task) and when. Without a signed-in user the gap is not accepted.
 */
@Component("sweepGapReview")
class SweepGapReview implements TaskListener {

  private final FinalSweeps sweeps;

  SweepGapReview(FinalSweeps sweeps) {
    this.sweeps = sweeps;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.FALSE.equals(task.getVariable(SYNC_AGAIN.name()))) {
      return;
    }
    Authentication who =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who == null || who.getUserId() == null) {
      throw new BadUserRequestException(
          "Accepting mailboxes without a final sweep is recorded with who accepted them; sign in"
              + " and complete the task again");
    }
    String migrationId = (String) task.getVariable(MIGRATION_ID.name());
    List<String> addresses =
        sweeps.unswept(migrationId).stream().map(UnsweptMailbox::emailAddress).toList();
    sweeps.acceptGap(migrationId, who.getUserId(), addresses);
  }
}
