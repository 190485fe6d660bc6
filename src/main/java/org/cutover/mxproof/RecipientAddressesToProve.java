package org.cutover.mxproof;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.recipients.DomainAddresses;
import org.springframework.stereotype.Component;

/**
 * Every address the domain receives mail at (the recipients' primary addresses and aliases, groups
 * and contacts included), less the mailboxes taken out of the batch: nobody expects mail to reach
 * those at the target.
 */
@Component
class RecipientAddressesToProve implements AddressesToProve {

  private final DomainAddresses domainAddresses;
  private final MigrationStore store;

  RecipientAddressesToProve(DomainAddresses domainAddresses, MigrationStore store) {
    this.domainAddresses = domainAddresses;
    this.store = store;
  }

  @Override
  public List<String> of(String migrationId) {
    Set<String> removed =
        store.mailboxes(migrationId).stream()
            .filter(mailbox -> mailbox.status() == MailboxStatus.REMOVED)
            .map(MailboxState::emailAddress)
            .map(address -> address.toLowerCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return domainAddresses.of(UUID.fromString(migrationId)).stream()
        .filter(address -> !removed.contains(address))
        .toList();
  }
}
