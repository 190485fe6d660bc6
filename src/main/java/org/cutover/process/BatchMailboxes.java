package org.cutover.process;

import java.util.List;
import org.cutover.migration.BatchLifecycle;
import org.springframework.stereotype.Component;

/**
 * The mailboxes a multi-instance sync runs over, read when it starts (the ids are not kept as a
 * process variable): {@code ${batchMailboxes.ids(migrationId)}}. Public because the expression
 * language calls it.
 */
@Component("batchMailboxes")
public class BatchMailboxes {

  private final BatchLifecycle batch;

  BatchMailboxes(BatchLifecycle batch) {
    this.batch = batch;
  }

  /** Every mailbox of the batch. */
  public List<String> ids(String migrationId) {
    return batch.mailboxIds(migrationId);
  }

  /** The mailboxes whose last successful sync is not later than the MX switch. */
  public List<String> notSyncedSinceMxSwitch(String migrationId) {
    return batch.mailboxesNotSyncedSinceMxSwitch(migrationId);
  }
}
