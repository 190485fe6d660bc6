package org.cutover.process;

import static org.cutover.process.ProcessVariables.DNS_INSTRUCTION;
import static org.cutover.process.ProcessVariables.DNS_OUTCOME;
import static org.cutover.process.ProcessVariables.DNS_SEEN_NOW;
import static org.cutover.process.ProcessVariables.DNS_STEP;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.dns.StepResult;
import org.cutover.dns.StepResult.Done;
import org.cutover.dns.StepResult.HumanChangeNeeded;
import org.cutover.dns.StepResult.NotYet;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.metrics.RunbookMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A DNS step of the runbook, automatic or guided. The gateway after it reads {@code dnsOutcome}:
 * {@value #DONE} goes on; {@value #SET_BY_HAND} leads to the task "Set the DNS record at your DNS
 * host" (showing {@code dnsInstruction} and {@code dnsSeenNow}) and back to this step, which then
 * checks by look-up; {@value #NOT_YET} (only where the model waits for it) leads to a timer.
 */
abstract class DnsStep extends RunbookStep {

  static final String DONE = "DONE";
  static final String SET_BY_HAND = "SET_BY_HAND";
  static final String NOT_YET = "NOT_YET";

  private static final Logger log = LoggerFactory.getLogger(DnsStep.class);

  private final ObjectProvider<DnsRunbook> dns;
  private RunbookMetrics metrics = RunbookMetrics.unread();

  DnsStep(ObjectProvider<DnsRunbook> dns) {
    this.dns = dns;
  }

  /** Each step is counted by its element id and outcome ({@code cutover.dns.steps}). */
  @Autowired(required = false)
  void countWith(RunbookMetrics metrics) {
    this.metrics = metrics;
  }

  abstract StepResult change(DnsRunbook dns, String migrationId);

  /** After the zone holds what the step wanted. */
  void whenDone(DelegateExecution execution, DnsRunbook dns, String migrationId) {}

  /**
   * The step must not run yet. Only the MX swap waits for this in the model; elsewhere it is
   * retried on the step retry cycle.
   */
  void whenNotYet(DelegateExecution execution, String migrationId, NotYet notYet) {
    throw new TransientStepFailure(
        execution.getCurrentActivityName()
            + " cannot run yet: "
            + notYet.reason()
            + " (safe from "
            + notYet.safeAt()
            + "); the step is retried");
  }

  @Override
  final void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    String step = execution.getCurrentActivityName();
    String kind = execution.getCurrentActivityId();
    DnsRunbook runbook = Capabilities.require(dns, "DNS capability", DnsRunbook.class);
    StepResult outcome;
    try {
      outcome = change(runbook, migrationId);
    } catch (RuntimeException failed) {
      metrics.dnsStep(kind, "failed");
      throw failed;
    }
    if (!(outcome instanceof Done
        || outcome instanceof HumanChangeNeeded
        || outcome instanceof NotYet)) {
      // The port throws what needs the administrator or a retry; it never answers it.
      metrics.dnsStep(kind, "failed");
      throw new IllegalStateException("Unknown DNS step outcome " + outcome);
    }
    metrics.dnsStep(
        kind,
        outcome instanceof Done
            ? "done"
            : outcome instanceof HumanChangeNeeded ? "set_by_hand" : "not_yet");
    if (outcome instanceof Done done) {
      log.info("Migration {}: {} done: {}", migrationId, step, done.summary());
      DNS_INSTRUCTION.remove(execution);
      DNS_SEEN_NOW.remove(execution);
      DNS_OUTCOME.set(execution, DONE);
      whenDone(execution, runbook, migrationId);
    } else if (outcome instanceof HumanChangeNeeded manual) {
      log.info("Migration {}: {} waits for the administrator to set the record", migrationId, step);
      DNS_STEP.set(execution, step);
      DNS_INSTRUCTION.set(execution, manual.instruction().describe());
      DNS_SEEN_NOW.set(execution, manual.seenNow());
      DNS_OUTCOME.set(execution, SET_BY_HAND);
    } else {
      NotYet notYet = (NotYet) outcome;
      log.info("Migration {}: {} not yet, safe from {}", migrationId, step, notYet.safeAt());
      whenNotYet(execution, migrationId, notYet);
    }
  }
}
