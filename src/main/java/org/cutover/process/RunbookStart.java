package org.cutover.process;

import java.time.Duration;

/**
 * What the runbook process needs to start for a migration already stored: ids and switches only,
 * never a secret. Durations are already resolved (configuration defaults, or the migration's own).
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
    Duration licenceReminderBefore) {}
