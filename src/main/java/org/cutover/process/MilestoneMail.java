package org.cutover.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.milestones.Milestone;
import org.cutover.migration.milestones.MilestoneMails;
import org.springframework.stereotype.Component;

/**
 * Tells the administrator of a milestone, from execution listeners on the model's events: {@code
 * ${milestoneMail.reached(execution, 'SWITCH_DONE')}}. The mail goes once the step's transaction is
 * committed, and once per milestone. Public because the expression language calls it.
 */
@Component("milestoneMail")
public class MilestoneMail {

  private final MilestoneMails mails;

  MilestoneMail(MilestoneMails mails) {
    this.mails = mails;
  }

  public void reached(DelegateExecution execution, String milestone) {
    mails.reached(ProcessVariables.MIGRATION_ID.require(execution), Milestone.valueOf(milestone));
  }
}
