package org.cutover.process;

import java.time.Duration;
import org.cutover.migration.DurationOverrides;
import org.cutover.migration.MigrationRegistry;
import org.springframework.stereotype.Component;

/**
 * What the runbook starts with for a registered migration, however it was registered (REST or the
 * Tasklist start form): ids, switches and its waits, each the migration's own where it gives one,
 * else the configured default ({@code cutover.runbook.*}).
 */
@Component
public class RunbookStarts {

  private final RunbookDefaults defaults;

  RunbookStarts(RunbookDefaults defaults) {
    this.defaults = defaults;
  }

  public RunbookStart startFor(MigrationRegistry.Registered migration) {
    DurationOverrides own = migration.durations();
    return new RunbookStart(
        migration.migrationId(),
        migration.domain(),
        migration.batchName(),
        migration.autoStartBatch(),
        migration.guidedDns(),
        migration.targetType(),
        migration.language(),
        or(own.txtRetryWait(), defaults.txtRetryWait()),
        own.txtMaxAttempts() != null ? own.txtMaxAttempts() : defaults.txtMaxAttempts(),
        or(own.mxPropagationRetryWait(), defaults.mxPropagationRetryWait()),
        or(own.incrementalSyncCycle(), defaults.incrementalSyncCycle()),
        or(own.finalWait(), defaults.finalWait()),
        or(own.licenceDeadline(), defaults.licenceDeadline()),
        or(own.licenceReminderBefore(), defaults.licenceReminderBefore()),
        defaults.finalSyncMaxRounds());
  }

  private static Duration or(Duration own, Duration configured) {
    return own != null ? own : configured;
  }
}
