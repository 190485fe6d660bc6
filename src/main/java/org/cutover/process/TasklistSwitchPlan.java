package org.cutover.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchTime;
import org.springframework.stereotype.Component;

/**
 * "Plan the switch" started from Tasklist: stores the form's time for the migration it names, in
 * the start's own transaction, so that a refused time refuses the start and nothing is stored. Sets
 * {@code plannedSwitchShown}.
 */
@Component("tasklistSwitchPlan")
class TasklistSwitchPlan implements JavaDelegate {

  private final SwitchTimeControl control;

  TasklistSwitchPlan(SwitchTimeControl control) {
    this.control = control;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String migrationId = (String) execution.getVariable("switchMigrationId");
    if (migrationId == null || migrationId.isBlank()) {
      throw new FormFieldValidationException(
          null, "Give the migration's id. / Angiv migreringens id.");
    }
    SwitchTime time =
        new SwitchTime(
            SwitchTimeForms.day(ProcessVariables.NEW_SWITCH_DATE.get(execution)),
            SwitchTimeForms.timeOfDay(ProcessVariables.NEW_SWITCH_TIME.get(execution)),
            ProcessVariables.NEW_SWITCH_ZONE.get(execution));
    Authentication who =
        execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    PlannedSwitch planned =
        SwitchTimeForms.plan(
            control, migrationId.strip(), time, "$", who == null ? null : who.getUserId());
    ProcessVariables.PLANNED_SWITCH_SHOWN.set(execution, planned.local().toString());
  }
}
