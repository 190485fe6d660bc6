package org.cutover.process;

import static org.cutover.process.ProcessVariables.DNS_OUTCOME;
import static org.cutover.process.ProcessVariables.MX_SWAP_NOT_BEFORE;
import static org.cutover.process.ProcessVariables.MX_SWITCHED_AT;

import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.dns.StepResult;
import org.cutover.dns.StepResult.NotYet;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.DnsRunbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Swap MX records" to the target and record the switch time (the migration's {@code
 * mx_switched_at} and {@code mxSwitchedAt}). The port refuses (NotYet) until the original TTL has
 * run out since it was lowered; the model then waits until {@code mxSwapNotBefore} and tries again.
 */
@Component("swapMx")
class SwapMx extends DnsStep {

  private static final Duration RETRY_AT_THE_EARLIEST = Duration.ofMinutes(1);

  private final BatchLifecycle batch;

  SwapMx(ObjectProvider<DnsRunbook> dns, BatchLifecycle batch) {
    super(dns);
    this.batch = batch;
  }

  @Override
  StepResult change(DnsRunbook dns, String migrationId) {
    return dns.swapMx(migrationId);
  }

  /**
   * Records the switch time as the DNS change journal has it, so that "Verify final sync" compares
   * each mailbox's last sync with the moment the zone really changed.
   */
  @Override
  void whenDone(DelegateExecution execution, DnsRunbook dns, String migrationId) {
    Instant switchedAt = dns.mxSwitchedAt(migrationId).orElseGet(EngineClock::now);
    batch.recordMxSwitch(migrationId, switchedAt);
    MX_SWITCHED_AT.set(execution, switchedAt.toString());
  }

  @Override
  void whenNotYet(DelegateExecution execution, String migrationId, NotYet notYet) {
    // Never loop without waiting, even when the port names a time already past.
    Instant soonest = EngineClock.now().plus(RETRY_AT_THE_EARLIEST);
    Instant safeAt = notYet.safeAt().isAfter(soonest) ? notYet.safeAt() : soonest;
    MX_SWAP_NOT_BEFORE.set(execution, EngineClock.timerDate(safeAt));
    DNS_OUTCOME.set(execution, NOT_YET);
  }
}
