package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.PREFLIGHT_FAILURES;
import static org.cutover.process.ProcessVariables.PREFLIGHT_REPORT;
import static org.cutover.process.ProcessVariables.PREFLIGHT_UNCHECKED;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.MailboxCheck;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.PreflightRound;
import org.cutover.migration.TargetTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Run preflight checks" before any user is told: the target (reachable, directory sync off, enough
 * licences, permissions), the source (trusted certificate, the admin login opens the test mailbox),
 * then every mailbox of the batch on both sides. A problem of an endpoint stops the step with an
 * incident saying what to fix. Opening thousands of mailboxes takes longer than the engine's job
 * lock, so one run opens them for a bounded time and leaves {@code preflightUnchecked} for the
 * runbook to come back; the round's last run counts the mailboxes that fail in {@code
 * preflightFailures} and lists the first of them in {@code preflightReport} for the task that
 * excludes them.
 */
@Component("runPreflight")
class RunPreflight extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(RunPreflight.class);

  /** Mailboxes listed in the task; the API has the whole report. */
  static final int REPORT_LINES = 20;

  private final ObjectProvider<TargetTenant> target;
  private final ObjectProvider<MailboxSyncEngine> sync;

  RunPreflight(ObjectProvider<TargetTenant> target, ObjectProvider<MailboxSyncEngine> sync) {
    this.target = target;
    this.sync = sync;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    MailboxSyncEngine engine =
        Capabilities.require(sync, "mail sync capability", MailboxSyncEngine.class);
    boolean fromStart = PREFLIGHT_UNCHECKED.getOrDefault(execution, 0) == 0;
    if (fromStart) {
      Capabilities.require(target, "target capability", TargetTenant.class).preflight(migrationId);
      engine.testSourceEndpoint(migrationId);
    }
    PreflightRound round = engine.checkMailboxes(migrationId, fromStart);
    PREFLIGHT_UNCHECKED.set(execution, round.unchecked());
    if (!round.over()) {
      return;
    }
    List<MailboxCheck> failing = round.failing();
    PREFLIGHT_FAILURES.set(execution, failing.size());
    PREFLIGHT_REPORT.set(execution, report(migrationId, failing));
    log.info(
        "Migration {}: preflight checks passed for the endpoints, {} mailboxes failing",
        migrationId,
        failing.size());
  }

  static String report(String migrationId, List<MailboxCheck> failing) {
    StringBuilder text = new StringBuilder();
    failing.stream()
        .limit(REPORT_LINES)
        .forEach(
            check ->
                text.append("- ")
                    .append(check.emailAddress())
                    .append(": ")
                    .append(check.problem())
                    .append('\n'));
    if (failing.size() > REPORT_LINES) {
      text.append("- … ")
          .append(failing.size() - REPORT_LINES)
          .append(" more: GET /api/migrations/")
          .append(migrationId)
          .append("/preflight\n");
    }
    return text.toString();
  }
}
