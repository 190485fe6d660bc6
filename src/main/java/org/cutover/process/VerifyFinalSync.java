package org.cutover.process;

import static org.cutover.process.ProcessVariables.FINAL_SWEEP_STARTED_AT;
import static org.cutover.process.ProcessVariables.FINAL_SYNC_ROUND;
import static org.cutover.process.ProcessVariables.MAILBOXES_BEHIND;
import static org.cutover.process.ProcessVariables.MAILBOXES_BEHIND_COUNT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.FinalSweeps;
import org.cutover.migration.UnsweptMailbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Verify the final sweep": the first time it runs, after the final wait, it starts the sweep;
 * every mailbox then needs a pass that started after the sweep began and after the old MX records'
 * TTL ran out since the switch, whatever its earlier passes. Sets {@code mailboxesBehindCount},
 * {@code mailboxesBehind} (the first addresses, each with why, for the task form) and, when some
 * are not swept, counts the round in {@code finalSyncRound}; the model sweeps them.
 */
@Component("verifyFinalSync")
class VerifyFinalSync extends RunbookStep {

  /** Mailboxes listed in the variable; the API lists them all. */
  static final int LISTED = 50;

  private static final Logger log = LoggerFactory.getLogger(VerifyFinalSync.class);

  private final FinalSweeps sweeps;

  VerifyFinalSync(FinalSweeps sweeps) {
    this.sweeps = sweeps;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    FINAL_SWEEP_STARTED_AT.set(execution, sweeps.start(migrationId).toString());
    List<UnsweptMailbox> behind = sweeps.unswept(migrationId);
    MAILBOXES_BEHIND_COUNT.set(execution, behind.size());
    MAILBOXES_BEHIND.set(execution, listed(behind.stream().map(UnsweptMailbox::line).toList()));
    if (behind.isEmpty()) {
      log.info("Migration {}: every mailbox swept since the MX switch", migrationId);
      return;
    }
    int round = FINAL_SYNC_ROUND.getOrDefault(execution, 0) + 1;
    FINAL_SYNC_ROUND.set(execution, round);
    log.info(
        "Migration {}: {} mailboxes not swept yet (round {})", migrationId, behind.size(), round);
  }

  static String listed(List<String> lines) {
    if (lines.size() <= LISTED) {
      return String.join("\n", lines);
    }
    return String.join("\n", lines.subList(0, LISTED))
        + "\n… and "
        + (lines.size() - LISTED)
        + " more";
  }
}
