package org.cutover.api;

import java.time.Duration;
import org.cutover.migration.DurationOverrides;
import org.cutover.migration.NewMigration;
import org.cutover.process.RunbookStart;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The runbook's waits from configuration ({@code cutover.runbook.*}, same defaults as the process
 * layer), and a migration's own where it gives them.
 */
@Component
class RunbookDurationDefaults {

  private final Duration txtRetryWait;
  private final int txtMaxAttempts;
  private final Duration mxPropagationRetryWait;
  private final Duration incrementalSyncCycle;
  private final Duration finalWait;
  private final Duration licenceDeadline;
  private final Duration licenceReminderBefore;

  RunbookDurationDefaults(
      @Value("${cutover.runbook.txt-retry-wait:PT15M}") Duration txtRetryWait,
      @Value("${cutover.runbook.txt-max-attempts:8}") int txtMaxAttempts,
      @Value("${cutover.runbook.mx-propagation-retry-wait:PT15M}") Duration mxPropagationRetryWait,
      @Value("${cutover.runbook.incremental-sync-cycle:PT24H}") Duration incrementalSyncCycle,
      @Value("${cutover.runbook.final-wait:PT72H}") Duration finalWait,
      @Value("${cutover.runbook.licence-deadline:P30D}") Duration licenceDeadline,
      @Value("${cutover.runbook.licence-reminder-before:P7D}") Duration licenceReminderBefore) {
    this.txtRetryWait = txtRetryWait;
    this.txtMaxAttempts = txtMaxAttempts;
    this.mxPropagationRetryWait = mxPropagationRetryWait;
    this.incrementalSyncCycle = incrementalSyncCycle;
    this.finalWait = finalWait;
    this.licenceDeadline = licenceDeadline;
    this.licenceReminderBefore = licenceReminderBefore;
  }

  /** What the runbook starts with for a registered migration: ids, switches, resolved waits. */
  RunbookStart runbookStart(String migrationId, NewMigration settings) {
    DurationOverrides own = settings.durations();
    return new RunbookStart(
        migrationId,
        settings.domain(),
        settings.batchName(),
        settings.autoStartBatch(),
        settings.dns().mode() == org.cutover.migration.DnsMode.GUIDED,
        settings.target().type().name(),
        settings.language(),
        or(own.txtRetryWait(), txtRetryWait),
        own.txtMaxAttempts() != null ? own.txtMaxAttempts() : txtMaxAttempts,
        or(own.mxPropagationRetryWait(), mxPropagationRetryWait),
        or(own.incrementalSyncCycle(), incrementalSyncCycle),
        or(own.finalWait(), finalWait),
        or(own.licenceDeadline(), licenceDeadline),
        or(own.licenceReminderBefore(), licenceReminderBefore));
  }

  private static Duration or(Duration own, Duration configured) {
    return own != null ? own : configured;
  }
}
