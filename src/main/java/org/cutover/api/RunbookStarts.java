package org.cutover.api;

import java.time.Duration;
import org.cutover.migration.DnsMode;
import org.cutover.migration.DurationOverrides;
import org.cutover.migration.NewMigration;
import org.cutover.process.RunbookDefaults;
import org.cutover.process.RunbookStart;
import org.springframework.stereotype.Component;

/**
 * What the runbook starts with for a registered migration: ids, switches and its waits, each the
 * migration's own where it gives one, else the configured default ({@code cutover.runbook.*}).
 */
@Component
class RunbookStarts {

  private final RunbookDefaults defaults;

  RunbookStarts(RunbookDefaults defaults) {
    this.defaults = defaults;
  }

  RunbookStart runbookStart(String migrationId, NewMigration settings) {
    DurationOverrides own = settings.durations();
    return new RunbookStart(
        migrationId,
        settings.domain(),
        settings.batchName(),
        settings.autoStartBatch(),
        settings.dns().mode() == DnsMode.GUIDED,
        settings.target().type().name(),
        settings.language(),
        or(own.txtRetryWait(), defaults.txtRetryWait()),
        own.txtMaxAttempts() != null ? own.txtMaxAttempts() : defaults.txtMaxAttempts(),
        or(own.mxPropagationRetryWait(), defaults.mxPropagationRetryWait()),
        or(own.incrementalSyncCycle(), defaults.incrementalSyncCycle()),
        or(own.finalWait(), defaults.finalWait()),
        or(own.licenceDeadline(), defaults.licenceDeadline()),
        or(own.licenceReminderBefore(), defaults.licenceReminderBefore()));
  }

  private static Duration or(Duration own, Duration configured) {
    return own != null ? own : configured;
  }
}
