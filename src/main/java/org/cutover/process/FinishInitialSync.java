package org.cutover.process;

import static org.cutover.process.ProcessVariables.BATCH_STATUS;
import static org.cutover.process.ProcessVariables.FAILED_MAILBOXES;
import static org.cutover.process.ProcessVariables.FAILED_MAILBOX_COUNT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.failed.FailedMailbox;
import org.cutover.migration.failed.FailedMailboxes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Finish the initial sync": batch status Synced, or SyncedWithErrors when a mailbox failed or left
 * messages out. Sets {@code batchStatus}, and {@code failedMailboxCount} with {@code
 * failedMailboxes} (each failed mailbox's address and error) for "Review failed mailboxes", which
 * the model opens when a mailbox failed after every try.
 */
@Component("finishInitialSync")
class FinishInitialSync extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(FinishInitialSync.class);

  private final BatchLifecycle batch;
  private final FailedMailboxes failedMailboxes;

  FinishInitialSync(BatchLifecycle batch, FailedMailboxes failedMailboxes) {
    this.batch = batch;
    this.failedMailboxes = failedMailboxes;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    BatchStatus status = batch.finishInitialSync(migrationId);
    BATCH_STATUS.set(execution, status.name());
    List<FailedMailbox> failed = failedMailboxes.failedMailboxes(migrationId);
    FAILED_MAILBOX_COUNT.set(execution, failed.size());
    FAILED_MAILBOXES.set(
        execution,
        VerifyFinalSync.listed(
            failed.stream()
                .map(mailbox -> mailbox.emailAddress() + ": " + mailbox.error())
                .toList()));
    log.info(
        "Migration {}: initial sync finished, batch status {}, {} mailboxes failed",
        migrationId,
        status,
        failed.size());
  }
}
