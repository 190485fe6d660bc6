package org.cutover.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One lease per mailbox in {@code mailbox_lease}: a pass takes it before it starts and holds it,
 * renewed every quarter of its duration and before every write, until it ends. Whoever holds an
 * unexpired lease is the only pass on that mailbox, on every node sharing the database.
 */
@Component
class MailboxLeases {

  /**
   * Insert the lease, or take it over when the one there has expired: one statement, so two nodes
   * taking it at once cannot both succeed (the loser's insert breaks the primary key, or its update
   * finds the lease no longer expired).
   */
  private static final String TAKE =
      "MERGE INTO mailbox_lease l USING (SELECT CAST(:id AS VARCHAR(36)) AS mailbox_id) n ON"
          + " l.mailbox_id = n.mailbox_id WHEN MATCHED AND l.expires_at < :now THEN UPDATE SET"
          + " owner = :owner, worker = :worker, taken_at = :now, expires_at = :until WHEN NOT"
          + " MATCHED THEN INSERT (mailbox_id, owner, worker, taken_at, expires_at) VALUES (:id,"
          + " :owner, :worker, :now, :until)";

  private static final ScheduledExecutorService RENEWALS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "mailbox-lease-renewal");
            t.setDaemon(true);
            return t;
          });

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration duration;

  MailboxLeases(
      JdbcClient jdbc,
      ObjectProvider<Clock> clock,
      @Value("${cutover.worker.lease-duration:PT2M}") Duration duration) {
    if (duration.compareTo(Duration.ofSeconds(2)) < 0) {
      throw new IllegalArgumentException(
          "cutover.worker.lease-duration must be at least PT2S, not " + duration);
    }
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.duration = duration;
  }

  /** The lease of the mailbox for a new pass, or empty when an unexpired one is held. */
  Optional<MailboxLease> take(String mailboxId, String worker) {
    String owner = UUID.randomUUID().toString();
    Instant now = clock.instant();
    int taken;
    try {
      taken =
          jdbc.sql(TAKE)
              .param("id", mailboxId)
              .param("now", MigrationStore.utc(now))
              .param("owner", owner)
              .param("worker", shortened(worker))
              .param("until", MigrationStore.utc(now.plus(duration)))
              .update();
    } catch (DuplicateKeyException lostTheRace) {
      return Optional.empty();
    }
    if (taken != 1) {
      return Optional.empty();
    }
    MailboxLease lease = new MailboxLease(this, mailboxId, owner, now.plus(duration));
    lease.renewEvery(RENEWALS, duration.dividedBy(4));
    return Optional.of(lease);
  }

  /** Who holds the mailbox's lease and until when, for a message; empty when nobody does. */
  Optional<String> holder(String mailboxId) {
    return jdbc.sql("SELECT worker, expires_at FROM mailbox_lease WHERE mailbox_id = :id")
        .param("id", mailboxId)
        .query(
            (rs, row) ->
                rs.getString("worker") + " until " + MigrationStore.instant(rs, "expires_at"))
        .optional();
  }

  Duration duration() {
    return duration;
  }

  Instant now() {
    return clock.instant();
  }

  /**
   * Extends the lease while its owner still holds it; false when it is gone or taken over, or when
   * the mailbox's batch was stopped (a cancel) or deleted: so a running pass stops before its next
   * write.
   */
  boolean renew(String mailboxId, String owner, Instant until) {
    return jdbc.sql(
                "UPDATE mailbox_lease SET expires_at = :until WHERE mailbox_id = :id AND owner ="
                    + " :owner AND expires_at >= :now AND NOT EXISTS (SELECT 1 FROM mailbox b"
                    + " JOIN migration m ON m.id = b.migration_id WHERE b.id = :id AND"
                    + " m.batch_status IN ('STOPPED', 'REMOVED'))")
            .param("until", MigrationStore.utc(until))
            .param("id", mailboxId)
            .param("owner", owner)
            .param("now", MigrationStore.utc(clock.instant()))
            .update()
        == 1;
  }

  /** Whether the mailbox's batch was stopped by a cancel or deleted, for a message. */
  boolean batchEnded(String mailboxId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM mailbox b JOIN migration m ON m.id = b.migration_id WHERE"
                    + " b.id = :id AND m.batch_status IN ('STOPPED', 'REMOVED')")
            .param("id", mailboxId)
            .query(Long.class)
            .single()
        > 0;
  }

  void release(String mailboxId, String owner) {
    jdbc.sql("DELETE FROM mailbox_lease WHERE mailbox_id = :id AND owner = :owner")
        .param("id", mailboxId)
        .param("owner", owner)
        .update();
  }

  private static String shortened(String worker) {
    return worker.length() <= 200 ? worker : worker.substring(0, 200);
  }
}
