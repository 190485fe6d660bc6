package org.cutover.process;

import static org.cutover.process.ProcessVariables.CUT_OVER_REACHED_AT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.springframework.stereotype.Component;

/**
 * The planned switch as the runbook's expressions read it, each time afresh from the stored value:
 * {@code ${switchTime.planned(migrationId)}}, {@code ${switchTime.due(migrationId)}} (the timer of
 * "Switch time reached", armed again whenever the time moves) and {@code
 * ${switchTime.arrived(execution)}}. Public because the expression language calls it.
 */
@Component("switchTime")
public class SwitchTimeExpressions {

  private final SwitchSchedule schedule;

  SwitchTimeExpressions(SwitchSchedule schedule) {
    this.schedule = schedule;
  }

  /** Whether the migration has a planned switch. */
  public boolean planned(String migrationId) {
    return schedule.planned(migrationId).isPresent();
  }

  /** The planned switch as a timer date; now when none is planned (the check then lets it go). */
  public String due(String migrationId) {
    return EngineClock.timerDate(
        schedule.planned(migrationId).map(PlannedSwitch::at).orElseGet(EngineClock::now));
  }

  /** Records when the cut-over reached the wait, to tell whether it came after the time. */
  public void arrived(DelegateExecution execution) {
    CUT_OVER_REACHED_AT.set(execution, EngineClock.now().toString());
  }
}
