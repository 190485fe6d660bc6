package org.cutover.process;

import static org.cutover.process.ProcessVariables.AUTO_START_BATCH;
import static org.cutover.process.ProcessVariables.FINAL_SYNC_MAX_ROUNDS;
import static org.cutover.process.ProcessVariables.FINAL_WAIT;
import static org.cutover.process.ProcessVariables.GUIDED_DNS;
import static org.cutover.process.ProcessVariables.INCREMENTAL_SYNC_CYCLE;
import static org.cutover.process.ProcessVariables.LICENCE_DEADLINE;
import static org.cutover.process.ProcessVariables.LICENCE_REMINDER_BEFORE;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.MX_PROPAGATION_RETRY_WAIT;
import static org.cutover.process.ProcessVariables.SETTINGS_PROBLEMS;
import static org.cutover.process.ProcessVariables.SETTINGS_VALID;
import static org.cutover.process.ProcessVariables.TXT_MAX_ATTEMPTS;
import static org.cutover.process.ProcessVariables.TXT_RETRY_WAIT;

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
 * checks the form's values with the REST API's rules and stores the migration. Then the migration
 * id becomes the business key, the waits come from configuration, and the raw form values (the
 * mailbox list among them) leave the process. A planned switch the form gives (checked with the
 * other settings) is planned as the REST API plans it, letters included. Invalid settings set
 * {@code settingsValid} false and {@code settingsProblems}, for the task "Correct the migration
 * settings".
 */
@Component("registerMigration")
class RegisterMigration extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(RegisterMigration.class);

  private final MigrationRegistry registry;
  private final RunbookDefaults defaults;
  private final RunbookStartGuard guard;
  private final SwitchTimeControl switchTimes;

  RegisterMigration(
      MigrationRegistry registry,
      RunbookDefaults defaults,
      RunbookStartGuard guard,
      SwitchTimeControl switchTimes) {
    this.registry = registry;
    this.defaults = defaults;
    this.guard = guard;
    this.switchTimes = switchTimes;
  }

  @Override
  void run(DelegateExecution execution) {
    Map<String, Object> formValues = new HashMap<>(execution.getVariables());
    formValues.remove(SETTINGS_VALID.name());
    formValues.remove(SETTINGS_PROBLEMS.name());
    String migrationId;
    try {
      migrationId = registry.registerFromForm(formValues);
    } catch (InvalidMigrationSettings e) {
      log.info(
          "Process {}: the start form's settings need correcting ({} problems)",
          execution.getProcessInstanceId(),
          e.problems().size());
      SETTINGS_VALID.set(execution, false);
      SETTINGS_PROBLEMS.set(execution, String.join("\n", e.problems()));
      return;
    }
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
    MIGRATION_ID.set(execution, migrationId);
    execution.setProcessBusinessKey(migrationId);
    AUTO_START_BATCH.set(execution, AUTO_START_BATCH.getOrDefault(execution, true));
    // The start form offers dnsMode GUIDED (its default) or AUTOMATIC.
    GUIDED_DNS.set(execution, !"AUTOMATIC".equals(formValues.get("dnsMode")));
    TXT_RETRY_WAIT.set(execution, defaults.txtRetryWait().toString());
    TXT_MAX_ATTEMPTS.set(execution, defaults.txtMaxAttempts());
    MX_PROPAGATION_RETRY_WAIT.set(execution, defaults.mxPropagationRetryWait().toString());
    INCREMENTAL_SYNC_CYCLE.set(execution, defaults.incrementalSyncCycle().toString());
    FINAL_WAIT.set(execution, defaults.finalWait().toString());
    LICENCE_DEADLINE.set(execution, defaults.licenceDeadline().toString());
    LICENCE_REMINDER_BEFORE.set(execution, defaults.licenceReminderBefore().toString());
    FINAL_SYNC_MAX_ROUNDS.set(execution, defaults.finalSyncMaxRounds());
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
