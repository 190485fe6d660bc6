package org.cutover.process;

import static org.cutover.process.ProcessVariables.SETTINGS_PROBLEMS;
import static org.cutover.process.ProcessVariables.SETTINGS_VALID;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.cutover.migration.InvalidMigrationSettings;
import org.cutover.migration.MigrationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Register the migration" when the runbook was started from the Tasklist start form: the registry
 * checks the form's values with the REST API's rules and stores the migration. Then the raw form
 * values (the mailbox list among them) leave the process, the migration id becomes the business key
 * and the runbook's variables are set from the registered settings by {@link RunbookStarts} and
 * {@link RunbookStart#variables()}, as for a start over REST. A planned switch the form gives
 * (checked with the other settings) is planned as the REST API plans it, letters included. Invalid
 * settings set {@code settingsValid} false and {@code settingsProblems}, for the task "Correct the
 * migration settings".
 */
@Component("registerMigration")
class RegisterMigration extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(RegisterMigration.class);

  private final MigrationRegistry registry;
  private final RunbookStarts starts;
  private final RunbookStartGuard guard;
  private final SwitchTimeControl switchTimes;

  RegisterMigration(
      MigrationRegistry registry,
      RunbookStarts starts,
      RunbookStartGuard guard,
      SwitchTimeControl switchTimes) {
    this.registry = registry;
    this.starts = starts;
    this.guard = guard;
    this.switchTimes = switchTimes;
  }

  @Override
  void run(DelegateExecution execution) {
    Map<String, Object> formValues = new HashMap<>(execution.getVariables());
    formValues.remove(SETTINGS_VALID.name());
    formValues.remove(SETTINGS_PROBLEMS.name());
    MigrationRegistry.Registered registered;
    try {
      registered = registry.registerFromForm(formValues);
    } catch (InvalidMigrationSettings e) {
      log.info(
          "Process {}: the start form's settings need correcting ({} problems)",
          execution.getProcessInstanceId(),
          e.problems().size());
      SETTINGS_VALID.set(execution, false);
      SETTINGS_PROBLEMS.set(execution, String.join("\n", e.problems()));
      return;
    }
    String migrationId = registered.migrationId();
    log.info("Migration {} registered from the start form", migrationId);
    // This instance is the migration's runbook: a later start naming the migration is refused.
    guard.claimRegistered(migrationId, execution);
    for (String name : formValues.keySet()) {
      if (!ProcessVariables.RUNBOOK.contains(name)) {
        execution.removeVariable(name);
      }
    }
    SETTINGS_PROBLEMS.remove(execution);
    SETTINGS_VALID.set(execution, true);
    // The same variables as a start over REST, from the settings as registered.
    execution.setVariables(starts.startFor(registered).variables());
    execution.setProcessBusinessKey(migrationId);
    registry
        .plannedSwitch(formValues)
        .ifPresent(
            time -> switchTimes.plan(migrationId, time, "$.plannedSwitch", startedBy(execution)));
  }

  /** Who started the runbook from Tasklist, as the engine's history keeps it. */
  private static String startedBy(DelegateExecution execution) {
    HistoricProcessInstance started =
        execution
            .getProcessEngineServices()
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .singleResult();
    return started == null ? null : started.getStartUserId();
  }
}
