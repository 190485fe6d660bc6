package org.cutover.process;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cutover.migration.recipients.DiscoveryRefused;
import org.cutover.migration.recipients.DiscoveryReview;
import org.springframework.stereotype.Component;

/**
 * "Review the proposed batch", when completed: {@code reviewDecision} ACCEPT accepts the batch less
 * the mailboxes in {@code leaveOutMailboxes}, recorded with who accepted it (the signed-in user
 * completing the task), after which a migration may take the discovery; DISCARD deletes the
 * discovery. An address that is no proposed mailbox refuses the completion with the reason, and the
 * task stays open with what was typed.
 */
@Component("proposedBatchReview")
class ProposedBatchReview implements TaskListener, TaskFormReceiver {

  static final String ACCEPT = "ACCEPT";
  static final String DISCARD = "DISCARD";

  /** Task-local: the form's submission took the decision already. */
  private static final String DECIDED = "reviewDecided";

  private final DiscoveryReview review;

  ProposedBatchReview(DiscoveryReview review) {
    this.review = review;
  }

  /** The form's submission: the decision is taken here, where a refusal reaches Tasklist whole. */
  @Override
  public void receive(DelegateTask task) {
    decide(task);
    task.setVariableLocal(DECIDED, true);
  }

  /** A completion without the form (the engine's API) decides here. */
  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariableLocal(DECIDED))) {
      decide(task);
    }
  }

  private void decide(DelegateTask task) {
    String discoveryId = (String) task.getVariable("discoveryId");
    Object decision = task.getVariable("reviewDecision");
    if (DISCARD.equals(decision)) {
      review.discard(discoveryId);
      return;
    }
    if (!ACCEPT.equals(decision)) {
      throw new FormFieldValidationException(
          null, "Choose Accept or Discard. / Vælg Godkend eller Kassér.");
    }
    Authentication who =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (who == null || who.getUserId() == null) {
      throw new BadUserRequestException(
          "Accepting a proposed batch is recorded with who accepted it; sign in and complete the"
              + " task again");
    }
    Object leaveOut = task.getVariable("leaveOutMailboxes");
    try {
      review.accept(discoveryId, leaveOut == null ? null : leaveOut.toString(), who.getUserId());
    } catch (DiscoveryRefused refused) {
      throw new FormFieldValidationException(null, refused.getMessage());
    }
  }
}
