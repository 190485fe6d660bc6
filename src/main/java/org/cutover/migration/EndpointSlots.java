package org.cutover.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The slots of each mail server in {@code endpoint_slot}: a pass holds one slot of every server it
 * talks to, numbered below the server's limit, so that no more passes than the limit run against it
 * on all nodes together. A slot is renewed like the mailbox's lease and runs out by itself when its
 * node dies.
 */
@Component
class EndpointSlots {

  /**
   * Insert the slot, or take it over when the one there has expired: one statement, so two passes
   * taking one slot at once cannot both succeed (the loser's insert breaks the primary key, or its
   * update finds the slot no longer expired), on PostgreSQL as on H2.
   */
  private static final String TAKE =
      "MERGE INTO endpoint_slot s USING (SELECT CAST(:key AS VARCHAR(300)) AS endpoint_key,"
          + " CAST(:slot AS INTEGER) AS slot) n ON s.endpoint_key = n.endpoint_key AND s.slot ="
          + " n.slot WHEN MATCHED AND s.expires_at < :now THEN UPDATE SET owner = :owner, worker ="
          + " :worker, mailbox_id = :mailbox, taken_at = :now, expires_at = :until WHEN NOT"
          + " MATCHED THEN INSERT (endpoint_key, slot, owner, worker, mailbox_id, taken_at,"
          + " expires_at) VALUES (:key, :slot, :owner, :worker, :mailbox, :now, :until)";

  private static final ScheduledExecutorService RENEWALS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "endpoint-slot-renewal");
            t.setDaemon(true);
            return t;
          });

  private final JdbcClient jdbc;
  private final Clock clock;
  private final Duration duration;

  EndpointSlots(
      JdbcClient jdbc,
      ObjectProvider<Clock> clock,
      @Value("${cutover.worker.lease-duration:PT2M}") Duration duration) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.duration = duration;
  }

  /**
   * A free slot of {@code server} for the pass of {@code mailboxId}, renewed from now on until it
   * is closed; empty when all its slots are held.
   */
  Optional<EndpointSlot> take(PassServer server, String mailboxId, String worker) {
    Instant now = clock.instant();
    Set<Integer> held = new HashSet<>(held(server.key(), now));
    String owner = UUID.randomUUID().toString();
    for (int slot = 0; slot < server.limit(); slot++) {
      if (!held.contains(slot) && take(server.key(), slot, owner, mailboxId, worker, now)) {
        EndpointSlot taken = new EndpointSlot(this, server.key(), slot, owner, now.plus(duration));
        taken.renewEvery(RENEWALS, duration.dividedBy(4));
        return Optional.of(taken);
      }
    }
    return Optional.empty();
  }

  private boolean take(
      String key, int slot, String owner, String mailboxId, String worker, Instant now) {
    try {
      return jdbc.sql(TAKE)
              .param("key", key)
              .param("slot", slot)
              .param("now", MigrationStore.utc(now))
              .param("owner", owner)
              .param("worker", worker.length() <= 200 ? worker : worker.substring(0, 200))
              .param("mailbox", mailboxId)
              .param("until", MigrationStore.utc(now.plus(duration)))
              .update()
          == 1;
    } catch (DuplicateKeyException lostTheRace) {
      return false;
    }
  }

  /** The slot numbers of the server held now. */
  java.util.List<Integer> held(String key, Instant now) {
    return jdbc.sql(
            "SELECT slot FROM endpoint_slot WHERE endpoint_key = :key AND expires_at >= :now")
        .param("key", key)
        .param("now", MigrationStore.utc(now))
        .query(Integer.class)
        .list();
  }

  /** The passes holding a slot of the server now, for a message. */
  String holders(String key) {
    return String.join(
        ", ",
        jdbc.sql(
                "SELECT worker FROM endpoint_slot WHERE endpoint_key = :key AND expires_at >= :now"
                    + " ORDER BY slot")
            .param("key", key)
            .param("now", MigrationStore.utc(clock.instant()))
            .query(String.class)
            .list());
  }

  Duration duration() {
    return duration;
  }

  Instant now() {
    return clock.instant();
  }

  /** Extends the slot while its owner still holds it; false when it is gone or taken over. */
  boolean renew(String key, int slot, String owner, Instant until) {
    return jdbc.sql(
                "UPDATE endpoint_slot SET expires_at = :until WHERE endpoint_key = :key AND slot ="
                    + " :slot AND owner = :owner AND expires_at >= :now")
            .param("until", MigrationStore.utc(until))
            .param("key", key)
            .param("slot", slot)
            .param("owner", owner)
            .param("now", MigrationStore.utc(clock.instant()))
            .update()
        == 1;
  }

  void release(String key, int slot, String owner) {
    jdbc.sql("DELETE FROM endpoint_slot WHERE endpoint_key = :key AND slot = :slot AND owner = :o")
        .param("key", key)
        .param("slot", slot)
        .param("o", owner)
        .update();
  }
}
