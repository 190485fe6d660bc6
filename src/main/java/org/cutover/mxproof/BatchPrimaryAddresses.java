package org.cutover.mxproof;

import java.util.List;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationStore;
import org.springframework.stereotype.Component;

/** The primary address of each mailbox still in the batch, in batch order. */
@Component
class BatchPrimaryAddresses implements AddressesToProve {

  private final MigrationStore store;

  BatchPrimaryAddresses(MigrationStore store) {
    this.store = store;
  }

  @Override
  public List<String> of(String migrationId) {
    return store.mailboxes(migrationId).stream()
        .filter(mailbox -> mailbox.status() != MailboxStatus.REMOVED)
        .map(MailboxState::emailAddress)
        .distinct()
        .toList();
  }
}
