package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.NEW_SWITCH_DATE;
import static org.cutover.process.ProcessVariables.NEW_SWITCH_TIME;
import static org.cutover.process.ProcessVariables.NEW_SWITCH_ZONE;
import static org.cutover.process.ProcessVariables.PLANNED_SWITCH_SHOWN;
import static org.cutover.process.ProcessVariables.SWITCH_CHOICE;

import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Decide about the switch": shows the planned time in its zone, and takes the administrator's
 * choice ({@code switchChoice}: SWAP, POSTPONE or CANCEL). A postponed switch is checked and stored
 * like any other ({@link SwitchTimeControl}); a time that breaks a rule refuses the submission with
 * the rules in English and Danish, and the task stays open.
 */
@Component("switchDecision")
class SwitchDecision implements TaskListener, TaskFormReceiver {

  static final String SWAP = "SWAP";
  static final String POSTPONE = "POSTPONE";
  static final String CANCEL = "CANCEL";

  private static final Set<String> CHOICES = Set.of(SWAP, POSTPONE, CANCEL);
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm VV");
  private static final Logger log = LoggerFactory.getLogger(SwitchDecision.class);

  private final SwitchTimeControl control;

  SwitchDecision(SwitchTimeControl control) {
    this.control = control;
  }

  @Override
  public void receive(DelegateTask task) {
    take(task, MIGRATION_ID.require(task));
  }

  @Override
  public void notify(DelegateTask task) {
    String migrationId = MIGRATION_ID.require(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      control
          .planned(migrationId)
          .ifPresent(
              planned -> {
                task.setVariableLocal(PLANNED_SWITCH_SHOWN.name(), SHOWN.format(planned.local()));
                task.setVariableLocal(NEW_SWITCH_ZONE.name(), planned.zone());
              });
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      take(task, migrationId);
    }
  }

  private void take(DelegateTask task, String migrationId) {
    String choice = SWITCH_CHOICE.get(task);
    if (choice == null || !CHOICES.contains(choice)) {
      throw new FormFieldValidationException(
          null,
          "Choose to swap now, postpone or cancel. / Vælg at skifte nu, udskyde eller annullere.");
    }
    String who = user(task);
    if (POSTPONE.equals(choice)) {
      SwitchTime time =
          new SwitchTime(
              SwitchTimeForms.day(NEW_SWITCH_DATE.get(task)),
              SwitchTimeForms.timeOfDay(NEW_SWITCH_TIME.get(task)),
              NEW_SWITCH_ZONE.get(task));
      PlannedSwitch planned = postpone(migrationId, time, who);
      log.info("Migration {}: switch postponed to {} by {}", migrationId, planned.at(), who);
    } else {
      log.info("Migration {}: at the planned switch {} chose {}", migrationId, who, choice);
    }
  }

  private PlannedSwitch postpone(String migrationId, SwitchTime time, String who) {
    return SwitchTimeForms.plan(control, migrationId, time, "$.newSwitch", who);
  }

  private static String user(DelegateTask task) {
    Authentication who =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return who == null ? null : who.getUserId();
  }
}
