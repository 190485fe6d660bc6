package org.cutover.process;

import static org.cutover.process.ProcessVariables.FAILED_MAILBOXES_CHOICE;
import static org.cutover.process.ProcessVariables.FAILED_MAILBOXES_KEPT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.failed.FailedMailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After "Review failed mailboxes", when the administrator chose not to copy them again now: {@code
 * EXCLUDE} takes the mailboxes still failed out of the batch; {@code KEEP} lets the batch go on
 * with them (the incremental syncs try them again, and the switch waits for a decision while one
 * still fails), and the review is not opened again for them.
 */
@Component("applyFailedMailboxChoice")
class ApplyFailedMailboxChoice extends RunbookStep {

  static final String EXCLUDE = "EXCLUDE";
  static final String KEEP = "KEEP";

  private static final Logger log = LoggerFactory.getLogger(ApplyFailedMailboxChoice.class);

  private final FailedMailboxes failed;

  ApplyFailedMailboxChoice(FailedMailboxes failed) {
    this.failed = failed;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    String choice = FAILED_MAILBOXES_CHOICE.get(execution);
    if (EXCLUDE.equals(choice)) {
      List<String> excluded = failed.excludeFailedMailboxes(migrationId);
      log.info(
          "Migration {}: took {} failed mailboxes out of the batch", migrationId, excluded.size());
    } else if (KEEP.equals(choice)) {
      FAILED_MAILBOXES_KEPT.set(execution, true);
      log.info("Migration {}: the batch goes on with its failed mailboxes", migrationId);
    }
    // A later review decides afresh.
    FAILED_MAILBOXES_CHOICE.remove(execution);
  }
}
