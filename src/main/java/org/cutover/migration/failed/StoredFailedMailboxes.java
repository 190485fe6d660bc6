package org.cutover.migration.failed;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The failed mailboxes as our {@code mailbox} table holds them. */
@Component
class StoredFailedMailboxes implements FailedMailboxes {

  private static final Logger log = LoggerFactory.getLogger(StoredFailedMailboxes.class);

  private final JdbcClient jdbc;
  private final Clock clock;

  StoredFailedMailboxes(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public List<FailedMailbox> failedMailboxes(String migrationId) {
    return jdbc.sql(
            "SELECT id, email_address, last_error FROM mailbox WHERE migration_id = :id AND status"
                + " = 'FAILED' ORDER BY position")
        .param("id", migrationId)
        .query(
            (row, n) ->
                new FailedMailbox(
                    row.getString("id"),
                    row.getString("email_address"),
                    row.getString("last_error") == null
                        ? "no reason was recorded"
                        : row.getString("last_error")))
        .list();
  }

  @Override
  @Transactional
  public List<String> excludeFailedMailboxes(String migrationId) {
    List<FailedMailbox> failed = failedMailboxes(migrationId);
    for (FailedMailbox mailbox : failed) {
      // Only a mailbox still failed: a pass that succeeded meanwhile keeps it in the batch.
      jdbc.sql(
              "UPDATE mailbox SET status = 'REMOVED', updated_at = :now WHERE id = :id AND status"
                  + " = 'FAILED'")
          .param("now", clock.instant().atOffset(ZoneOffset.UTC))
          .param("id", mailbox.id())
          .update();
    }
    List<String> addresses = failed.stream().map(FailedMailbox::emailAddress).toList();
    log.info(
        "Migration {}: {} failed mailboxes taken out of the batch: {}",
        migrationId,
        addresses.size(),
        addresses);
    return addresses;
  }
}
