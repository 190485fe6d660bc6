package org.cutover.process;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the runbook process needs to start for a migration already stored: ids and switches only,
 * never a secret. Durations are already resolved (configuration defaults, or the migration's own).
 * {@link #variables()} is the one place the start's process variables are set, for a start over
 * REST and for one from the Tasklist start form alike.
 */
public record RunbookStart(
    String migrationId,
    String domain,
    String batchName,
    boolean autoStartBatch,
    boolean guidedDns,
    String targetType,
    String language,
    Duration txtRetryWait,
    int txtMaxAttempts,
    Duration mxPropagationRetryWait,
    Duration incrementalSyncCycle,
    Duration finalWait,
    Duration licenceDeadline,
    Duration licenceReminderBefore,
    int finalSyncMaxRounds) {

  /** The process variables the runbook starts with, by name. */
  Map<String, Object> variables() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(ProcessVariables.MIGRATION_ID.name(), migrationId);
    variables.put(ProcessVariables.DOMAIN.name(), domain);
    variables.put(ProcessVariables.BATCH_NAME.name(), batchName);
    variables.put(ProcessVariables.AUTO_START_BATCH.name(), autoStartBatch);
    variables.put(ProcessVariables.GUIDED_DNS.name(), guidedDns);
    variables.put(ProcessVariables.TARGET_TYPE.name(), targetType);
    variables.put(ProcessVariables.LANGUAGE.name(), language);
    variables.put(ProcessVariables.TXT_RETRY_WAIT.name(), txtRetryWait.toString());
    variables.put(ProcessVariables.TXT_MAX_ATTEMPTS.name(), txtMaxAttempts);
    variables.put(
        ProcessVariables.MX_PROPAGATION_RETRY_WAIT.name(), mxPropagationRetryWait.toString());
    variables.put(ProcessVariables.INCREMENTAL_SYNC_CYCLE.name(), incrementalSyncCycle.toString());
    variables.put(ProcessVariables.FINAL_WAIT.name(), finalWait.toString());
    variables.put(ProcessVariables.LICENCE_DEADLINE.name(), licenceDeadline.toString());
    variables.put(
        ProcessVariables.LICENCE_REMINDER_BEFORE.name(), licenceReminderBefore.toString());
    variables.put(ProcessVariables.FINAL_SYNC_MAX_ROUNDS.name(), finalSyncMaxRounds);
    return variables;
  }
}
