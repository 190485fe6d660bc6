package org.cutover.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The final sweep as recorded on the migration row, judged from each mailbox's last pass. */
@Component
class StoredFinalSweeps implements FinalSweeps {

  private static final Logger log = LoggerFactory.getLogger(StoredFinalSweeps.class);
  private static final int MAX_GAP_TEXT = 16000;

  private final JdbcClient jdbc;
  private final Clock clock;

  StoredFinalSweeps(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  private record Row(
      Instant startedAt,
      Instant switchedAt,
      int maxMxTtl,
      String acceptedBy,
      Instant acceptedAt,
      String gapMailboxes) {}

  private record Pass(String id, String emailAddress, Instant lastSuccess, String lastError) {}

  @Override
  public Instant start(String migrationId) {
    jdbc.sql(
            "UPDATE migration SET final_sweep_started_at = :now, updated_at = :now WHERE id = :id"
                + " AND final_sweep_started_at IS NULL")
        .param("now", MigrationStore.utc(clock.instant()))
        .param("id", migrationId)
        .update();
    Instant started = row(migrationId).startedAt();
    log.info("Migration {}: final sweep started at {}", migrationId, started);
    return started;
  }

  @Override
  public List<UnsweptMailbox> unswept(String migrationId) {
    Row row = row(migrationId);
    Optional<Instant> sweptAfter = sweptAfter(migrationId, row);
    List<UnsweptMailbox> unswept = new ArrayList<>();
    for (Pass pass : passes(migrationId)) {
      if (sweptAfter.isPresent()
          && pass.lastSuccess() != null
          && !pass.lastSuccess().isBefore(sweptAfter.get())) {
        continue;
      }
      unswept.add(new UnsweptMailbox(pass.id(), pass.emailAddress(), reason(row, pass)));
    }
    return unswept;
  }

  private static String reason(Row row, Pass pass) {
    if (row.switchedAt() == null) {
      return "the MX records have not been switched yet";
    }
    if (row.startedAt() == null) {
      return "the final sweep has not started yet";
    }
    if (pass.lastError() != null && !pass.lastError().isBlank()) {
      return pass.lastError();
    }
    if (pass.lastSuccess() == null) {
      return "no pass has succeeded yet";
    }
    return "no pass since the sweep began (the last successful one started at "
        + pass.lastSuccess()
        + ")";
  }

  @Override
  public void acceptGap(String migrationId, String acceptedBy, List<String> mailboxes) {
    String text = String.join("\n", mailboxes);
    if (text.length() > MAX_GAP_TEXT) {
      text = text.substring(0, text.lastIndexOf('\n', MAX_GAP_TEXT - 20)) + "\n…";
    }
    int updated =
        jdbc.sql(
                "UPDATE migration SET sweep_gap_accepted_by = :by, sweep_gap_accepted_at = :now,"
                    + " sweep_gap_mailboxes = :mailboxes, updated_at = :now WHERE id = :id")
            .param("by", acceptedBy.length() <= 128 ? acceptedBy : acceptedBy.substring(0, 128))
            .param("now", MigrationStore.utc(clock.instant()))
            .param("mailboxes", text)
            .param("id", migrationId)
            .update();
    if (updated == 0) {
      throw MigrationNotFound.migration(migrationId);
    }
    log.info(
        "Migration {}: {} accepted {} mailboxes without a final sweep",
        migrationId,
        acceptedBy,
        mailboxes.size());
  }

  @Override
  public Optional<FinalSweep> of(String migrationId) {
    Row row = row(migrationId);
    if (row.startedAt() == null) {
      return Optional.empty();
    }
    List<String> gap =
        row.gapMailboxes() == null || row.gapMailboxes().isEmpty()
            ? List.of()
            : Arrays.asList(row.gapMailboxes().split("\n"));
    return Optional.of(
        new FinalSweep(
            row.startedAt(),
            sweptAfter(migrationId, row).orElse(null),
            unswept(migrationId).size(),
            row.acceptedBy(),
            row.acceptedAt(),
            gap));
  }

  /**
   * The later of the sweep's start and the switch plus the TTL the old MX records had (the swap's
   * journalled "before"; the migration's longest MX TTL when Cutover did not swap them): until then
   * a sender's resolver may still deliver to the source.
   */
  private Optional<Instant> sweptAfter(String migrationId, Row row) {
    if (row.startedAt() == null || row.switchedAt() == null) {
      return Optional.empty();
    }
    long oldTtl =
        jdbc
            .sql(
                "SELECT before_ttl FROM dns_change WHERE migration_id = :id AND step = 'SWAP_MX'"
                    + " AND applied_at IS NOT NULL AND rolled_back_at IS NULL AND before_ttl IS NOT"
                    + " NULL ORDER BY id DESC")
            .param("id", migrationId)
            .query(Long.class)
            .list()
            .stream()
            .findFirst()
            .orElse((long) row.maxMxTtl());
    Instant cachesClear = row.switchedAt().plusSeconds(oldTtl);
    return Optional.of(cachesClear.isAfter(row.startedAt()) ? cachesClear : row.startedAt());
  }

  private Row row(String migrationId) {
    return jdbc.sql(
            "SELECT final_sweep_started_at, mx_switched_at, max_mx_ttl, sweep_gap_accepted_by,"
                + " sweep_gap_accepted_at, sweep_gap_mailboxes FROM migration WHERE id = :id")
        .param("id", migrationId)
        .query(
            (rs, n) ->
                new Row(
                    MigrationStore.instant(rs, "final_sweep_started_at"),
                    MigrationStore.instant(rs, "mx_switched_at"),
                    rs.getInt("max_mx_ttl"),
                    rs.getString("sweep_gap_accepted_by"),
                    MigrationStore.instant(rs, "sweep_gap_accepted_at"),
                    rs.getString("sweep_gap_mailboxes")))
        .optional()
        .orElseThrow(() -> MigrationNotFound.migration(migrationId));
  }

  private List<Pass> passes(String migrationId) {
    return jdbc.sql(
            "SELECT id, email_address, last_successful_sync, last_error FROM mailbox WHERE"
                + " migration_id = :id AND status <> 'REMOVED' ORDER BY position")
        .param("id", migrationId)
        .query(
            (rs, n) ->
                new Pass(
                    rs.getString("id"),
                    rs.getString("email_address"),
                    MigrationStore.instant(rs, "last_successful_sync"),
                    rs.getString("last_error")))
        .list();
  }
}
