package org.cutover.migration.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.migration.MailSyncProperties;
import org.cutover.migration.MigrationNotFound;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads a migration's reports from the mailbox rows (kept, marked removed, when the batch is
 * deleted) and the tables {@link PassRecords} fills; deletes them when the administrator deletes
 * the finished migration.
 */
@Component
public class MigrationReports {

  private final JdbcClient jdbc;
  private final int badItemLimit;
  private final Clock clock;

  public MigrationReports(
      JdbcClient jdbc, ObjectProvider<MailSyncProperties> mailSync, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    MailSyncProperties properties = mailSync.getIfAvailable();
    this.badItemLimit = properties == null ? 0 : properties.badItemLimit();
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  private record Head(String domain, String batchName, String phase, String batch, String lang) {}

  /** The migration's report; throws {@link MigrationNotFound} for an unknown migration. */
  public MigrationReport report(String migrationId) {
    Head head =
        jdbc.sql(
                "SELECT domain, batch_name, phase, batch_status, language FROM migration WHERE id"
                    + " = :id")
            .param("id", migrationId)
            .query(
                (rs, n) ->
                    new Head(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5)))
            .optional()
            .orElseThrow(() -> MigrationNotFound.migration(migrationId));
    return new MigrationReport(
        migrationId,
        head.domain(),
        head.batchName(),
        head.phase(),
        head.batch(),
        head.lang(),
        clock.instant(),
        mailboxes(migrationId, null));
  }

  /** One mailbox's report, by its address (any case); empty when the batch has no such mailbox. */
  public Optional<MailboxReport> mailbox(String migrationId, String emailAddress) {
    report(migrationId); // an unknown migration is named as such
    return mailboxes(migrationId, emailAddress).stream().findFirst();
  }

  /** The passes of the migration's batch that ran to their end; none for an unknown migration. */
  public PassHistory passes(String migrationId) {
    PassHistory span =
        jdbc.sql(
                "SELECT COUNT(*), MIN(started_at), MAX(ended_at) FROM report_pass WHERE"
                    + " migration_id = :id")
            .param("id", migrationId)
            .query(
                (rs, n) -> new PassHistory(rs.getInt(1), instant(rs, 2), instant(rs, 3), List.of()))
            .single();
    if (span.passes() == 0) {
      return PassHistory.none();
    }
    List<PassHistory.Copied> copies =
        jdbc.sql(
                "SELECT ended_at, messages_copied, bytes_copied FROM report_pass WHERE migration_id"
                    + " = :id AND (messages_copied > 0 OR bytes_copied > 0) ORDER BY ended_at")
            .param("id", migrationId)
            .query((rs, n) -> new PassHistory.Copied(instant(rs, 1), rs.getLong(2), rs.getLong(3)))
            .list();
    return new PassHistory(span.passes(), span.firstStarted(), span.lastEnded(), copies);
  }

  /**
   * Deletes the reports of a migration whose runbook has ended (completed or cancelled).
   *
   * @return false when the runbook has not ended (nothing is deleted)
   */
  @Transactional
  public boolean deleteFinished(String migrationId) {
    if (!report(migrationId).finished()) {
      return false;
    }
    for (String table :
        List.of("report_skipped_item", "report_folder", "report_mailbox", "report_pass")) {
      jdbc.sql("DELETE FROM " + table + " WHERE migration_id = :id")
          .param("id", migrationId)
          .update();
    }
    return true;
  }

  private record Row(
      String id,
      String address,
      String status,
      long copied,
      long bytes,
      Instant lastSynced,
      String error) {}

  private List<MailboxReport> mailboxes(String migrationId, String onlyAddress) {
    String sql =
        "SELECT b.id, b.email_address, CASE WHEN b.status = 'REMOVED' AND r.outcome IS NOT NULL"
            + " THEN r.outcome ELSE b.status END AS shown, b.messages_copied, b.bytes_copied,"
            + " b.last_successful_sync, b.last_error FROM mailbox b LEFT JOIN report_mailbox r ON"
            + " r.mailbox_id = b.id WHERE b.migration_id = :id"
            + (onlyAddress == null ? "" : " AND LOWER(b.email_address) = LOWER(:address)")
            + " ORDER BY b.position";
    JdbcClient.StatementSpec query = jdbc.sql(sql).param("id", migrationId);
    if (onlyAddress != null) {
      query.param("address", onlyAddress);
    }
    List<Row> rows =
        query
            .query(
                (rs, n) ->
                    new Row(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        instant(rs, 6),
                        rs.getString(7)))
            .list();
    Map<String, List<FolderReconciliation>> folders = folders(migrationId);
    Map<String, List<SkippedMessage>> skipped = skipped(migrationId);
    List<MailboxReport> out = new ArrayList<>();
    for (Row row : rows) {
      List<FolderReconciliation> f = folders.getOrDefault(row.id(), List.of());
      List<SkippedMessage> s = skipped.getOrDefault(row.id(), List.of());
      boolean ended = !"FAILED".equals(row.status()) && row.lastSynced() != null;
      boolean verified =
          ended && !f.isEmpty() && f.stream().allMatch(x -> x.agrees() || x.explained());
      out.add(
          new MailboxReport(
              row.address(),
              row.status(),
              row.copied(),
              s.size(),
              row.bytes(),
              row.lastSynced(),
              error(row, s),
              s.stream().filter(x -> "REJECTED_BY_TARGET".equals(x.reason())).count(),
              badItemLimit,
              verified,
              f,
              s));
    }
    return out;
  }

  /** The last error, or for a mailbox synced with errors what was left out and why. */
  private static String error(Row row, List<SkippedMessage> skipped) {
    if ("FAILED".equals(row.status()) || skipped.isEmpty()) {
      return row.error();
    }
    Map<String, Long> byReason = new LinkedHashMap<>();
    skipped.forEach(s -> byReason.merge(s.reason(), 1L, Long::sum));
    List<String> parts = new ArrayList<>();
    byReason.forEach((reason, count) -> parts.add(count + " " + reasonText(reason)));
    return skipped.size()
        + (skipped.size() == 1 ? " message" : " messages")
        + " not copied: "
        + String.join(", ", parts);
  }

  static String reasonText(String reason) {
    return switch (reason) {
      case "TOO_LARGE" -> "over the size limit";
      case "REJECTED_BY_TARGET" -> "refused by the target";
      case "UNREADABLE_ON_SOURCE" -> "unreadable on the source";
      default -> reason;
    };
  }

  private Map<String, List<FolderReconciliation>> folders(String migrationId) {
    Map<String, List<FolderReconciliation>> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT mailbox_id, folder, target_folder, source_messages, target_messages,"
                + " recorded_messages, skipped_messages, skipped_bytes, copied_messages,"
                + " copied_bytes, copied_digest, counted_at FROM report_folder WHERE migration_id"
                + " = :id ORDER BY folder")
        .param("id", migrationId)
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new FolderReconciliation(
                          rs.getString(2),
                          rs.getString(3),
                          rs.getLong(4),
                          rs.getLong(5),
                          rs.getLong(6),
                          rs.getLong(7),
                          rs.getLong(8),
                          rs.getLong(9),
                          rs.getLong(10),
                          rs.getString(11).strip(),
                          instant(rs, 12)));
            });
    return out;
  }

  private Map<String, List<SkippedMessage>> skipped(String migrationId) {
    Map<String, List<SkippedMessage>> out = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT mailbox_id, folder, source_uid, message_id, subject, size_bytes,"
                + " internal_date, reason, detail, pass_started FROM report_skipped_item WHERE"
                + " migration_id = :id ORDER BY folder, source_uid")
        .param("id", migrationId)
        .query(
            (ResultSet rs) -> {
              out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                  .add(
                      new SkippedMessage(
                          rs.getString(2),
                          rs.getLong(3),
                          rs.getString(4),
                          rs.getString(5),
                          rs.getLong(6),
                          instant(rs, 7),
                          rs.getString(8),
                          rs.getString(9),
                          instant(rs, 10)));
            });
    return out;
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    if (t != null) {
      return t.toInstant();
    }
    Timestamp ts = rs.getTimestamp(column);
    return ts == null ? null : ts.toInstant();
  }
}
