package org.cutover.process;

import static org.cutover.process.ProcessVariables.FINAL_SYNC_ROUND;
import static org.cutover.process.ProcessVariables.MAILBOXES_BEHIND;
import static org.cutover.process.ProcessVariables.MAILBOXES_BEHIND_COUNT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Verify final sync": every mailbox's last successful sync must be later than the MX switch, as
 * "Swap MX records" recorded it from the DNS change journal (the migration's {@code
 * mx_switched_at}). Sets {@code mailboxesBehindCount}, {@code mailboxesBehind} (the first ids, for
 * the task form) and, when some lag, counts the round in {@code finalSyncRound}; the model syncs
 * them again.
 */
@Component("verifyFinalSync")
class VerifyFinalSync extends RunbookStep {

  /** Ids listed in the variable; the dashboard lists them all. */
  static final int LISTED = 50;

  private static final Logger log = LoggerFactory.getLogger(VerifyFinalSync.class);

  private final BatchLifecycle batch;

  VerifyFinalSync(BatchLifecycle batch) {
    this.batch = batch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    List<String> behind = batch.mailboxesNotSyncedSinceMxSwitch(migrationId);
    MAILBOXES_BEHIND_COUNT.set(execution, behind.size());
    MAILBOXES_BEHIND.set(execution, listed(behind));
    if (behind.isEmpty()) {
      log.info("Migration {}: every mailbox synced since the MX switch", migrationId);
      return;
    }
    int round = FINAL_SYNC_ROUND.getOrDefault(execution, 0) + 1;
    FINAL_SYNC_ROUND.set(execution, round);
    log.info(
        "Migration {}: {} mailboxes not synced since the MX switch (round {})",
        migrationId,
        behind.size(),
        round);
  }

  static String listed(List<String> ids) {
    if (ids.size() <= LISTED) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, LISTED)) + " and " + (ids.size() - LISTED) + " more";
  }
}
