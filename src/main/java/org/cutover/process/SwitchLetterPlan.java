package org.cutover.process;

import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.cutover.migration.DeliveryStatus;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchLetterSettings;
import org.cutover.notify.LetterKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Plans the letters about a switch time in a process of their own ({@value #PROCESS_KEY}, business
 * key the migration id): the update letter at once when the announcement has gone out already (it
 * named another time, or said the time would follow), and the reminder {@code
 * cutover.letters.switch-reminder-before} before the switch. A move ends the plan of the time
 * before: its letters would name a time that no longer holds.
 */
@Component
class SwitchLetterPlan {

  static final String PROCESS_KEY = "cutover-switch-letters";

  private static final Logger log = LoggerFactory.getLogger(SwitchLetterPlan.class);

  private final RuntimeService runtime;
  private final LetterDesk desk;
  private final SwitchLetterSettings settings;

  SwitchLetterPlan(ProcessEngine engine, LetterDesk desk, SwitchLetterSettings settings) {
    this.runtime = engine.getRuntimeService();
    this.desk = desk;
    this.settings = settings;
  }

  void plan(String migrationId, PlannedSwitch planned, boolean moved) {
    for (ProcessInstance before :
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(migrationId)
            .list()) {
      runtime.deleteProcessInstance(before.getId(), "the switch time moved", true, true);
    }
    boolean announced =
        desk.deliveries(migrationId, LetterKind.ANNOUNCEMENT).stream()
            .anyMatch(d -> d.attempts() > 0 || d.status() != DeliveryStatus.PENDING);
    Instant reminder = planned.at().minus(settings.switchReminderBefore());
    String reminderAt =
        reminder.isAfter(EngineClock.now()) ? EngineClock.timerDate(reminder) : null;
    runtime.startProcessInstanceByKey(
        PROCESS_KEY,
        migrationId,
        Variables.createVariables()
            .putValue(ProcessVariables.MIGRATION_ID.name(), migrationId)
            .putValue(ProcessVariables.SWITCH_MOVE.name(), planned.move())
            .putValue(ProcessVariables.SWITCH_AT.name(), planned.at().toString())
            .putValue(ProcessVariables.UPDATE_LETTER_DUE.name(), announced)
            .putValue(ProcessVariables.REMINDER_AT.name(), reminderAt));
    log.info(
        "Migration {}: letters planned for the switch at {} (update letter {}, reminder {}{})",
        migrationId,
        planned.at(),
        announced ? "now" : "not needed: the announcement will name the time",
        reminderAt == null ? "not: the time is too near" : "at " + reminderAt,
        moved ? ", after a move" : "");
  }
}
