package org.cutover.migration.recipients;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.cutover.directory.Recipient;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StoredMigration;
import org.springframework.stereotype.Component;

/**
 * The domain's addresses from the stored recipients, and from the mailbox list itself for a
 * migration registered before recipients were kept.
 */
@Component
class StoredDomainAddresses implements DomainAddresses {

  private final MigrationStore migrations;
  private final RecipientStore recipients;

  StoredDomainAddresses(MigrationStore migrations, RecipientStore recipients) {
    this.migrations = migrations;
    this.recipients = recipients;
  }

  @Override
  public List<String> of(UUID migrationId) {
    String id = migrationId.toString();
    return migrations
        .find(id)
        .map(StoredMigration::summary)
        .map(
            summary ->
                Stream.concat(
                        recipients.ofMigration(id).stream()
                            .flatMap(r -> r.smtpAddresses().stream()),
                        migrations.mailboxes(id).stream().map(MailboxState::emailAddress))
                    .filter(address -> Recipient.inDomain(address, summary.domain()))
                    .map(address -> address.toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new)))
        .map(List::copyOf)
        .orElse(List.of());
  }
}
