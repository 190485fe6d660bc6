package org.cutover.process;

import java.util.Arrays;
import java.util.List;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.FinalSweeps;
import org.cutover.migration.UnsweptMailbox;
import org.cutover.migration.failed.FailedMailbox;
import org.cutover.migration.failed.FailedMailboxes;
import org.springframework.stereotype.Component;

/**
 * The mailboxes a multi-instance sync runs over, read when it starts (the ids are not kept as a
 * process variable): {@code ${batchMailboxes.ids(migrationId)}}. Public because the expression
 * language calls it.
 */
@Component("batchMailboxes")
public class BatchMailboxes {

  private final BatchLifecycle batch;
  private final FinalSweeps sweeps;
  private final FailedMailboxes failed;

  BatchMailboxes(BatchLifecycle batch, FinalSweeps sweeps, FailedMailboxes failed) {
    this.batch = batch;
    this.sweeps = sweeps;
    this.failed = failed;
  }

  /** The mailboxes whose last pass failed after every try. */
  public List<String> failed(String migrationId) {
    return failed.failedMailboxes(migrationId).stream().map(FailedMailbox::id).toList();
  }

  /** Every mailbox of the batch. */
  public List<String> ids(String migrationId) {
    return batch.mailboxIds(migrationId);
  }

  /**
   * Every mailbox the migration held, also after the batch was deleted: the watch for late mail
   * looks at each.
   */
  public List<String> watched(String migrationId) {
    return batch.everyMailboxId(migrationId);
  }

  /** The mailboxes the final sweep has not reached yet. */
  public List<String> notSwept(String migrationId) {
    return sweeps.unswept(migrationId).stream().map(UnsweptMailbox::id).toList();
  }

  /** The mailbox ids of one sync request, as the request wrote them (comma-separated). */
  public List<String> requested(String requestedMailboxIds) {
    if (requestedMailboxIds == null || requestedMailboxIds.isBlank()) {
      return List.of();
    }
    return Arrays.stream(requestedMailboxIds.split(",")).map(String::strip).toList();
  }
}
