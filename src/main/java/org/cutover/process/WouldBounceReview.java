package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.PROVE_AGAIN;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cutover.mxproof.MxProofs;
import org.springframework.stereotype.Component;

/**
 * "Review the addresses the new MX refuses", when completed: an administrator who lets the swap go
 * ahead although they would bounce is recorded with the addresses, who (the signed-in user
 * completing the task) and when. Without a signed-in user nothing is accepted.
 */
@Component("wouldBounceReview")
class WouldBounceReview implements TaskListener {

  private final MxProofs proofs;

  WouldBounceReview(MxProofs proofs) {
    this.proofs = proofs;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.FALSE.equals(task.getVariable(PROVE_AGAIN.name()))) {
      return;
    }
    Authentication who =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who == null || who.getUserId() == null) {
      throw new BadUserRequestException(
          "Accepting addresses that would bounce is recorded with who accepted them; sign in and"
              + " complete the task again");
    }
    proofs.acceptWouldBounce((String) task.getVariable(MIGRATION_ID.name()), who.getUserId());
  }
}
