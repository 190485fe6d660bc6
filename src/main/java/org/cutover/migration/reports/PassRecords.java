package org.cutover.migration.reports;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.cutover.mailsync.CopyDigest;
import org.cutover.mailsync.FolderTally;
import org.cutover.mailsync.SkippedItem;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MailboxSyncReport;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps what each pass found for the mailbox's report: the status it left, every message it did not
 * copy (the last pass's list replaces the one before: a message left out is met again by every
 * pass, since its folder never counts as clean), each folder's counts and manifest, and the pass
 * itself (when it ran, what it copied) for the batch's history.
 */
@Component
public class PassRecords {

  private static final int MAX_DETAIL = 2000;
  private static final int MAX_MESSAGE_ID = 1000;

  private final JdbcClient jdbc;
  private final Clock clock;

  public PassRecords(JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** Records a pass that ran to its end now, succeeded or failed for this mailbox. */
  @Transactional
  public void record(String mailboxId, Instant passStarted, MailboxSyncReport report) {
    record(mailboxId, passStarted, clock.instant(), report);
  }

  /** Records a pass that ran from {@code passStarted} to {@code passEnded}. */
  @Transactional
  public void record(
      String mailboxId, Instant passStarted, Instant passEnded, MailboxSyncReport report) {
    String migrationId = migrationOf(mailboxId);
    if (migrationId == null) {
      return;
    }
    outcome(mailboxId, migrationId, report.status(), passStarted);
    jdbc.sql(
            "INSERT INTO report_pass (mailbox_id, migration_id, started_at, ended_at, outcome,"
                + " messages_copied, bytes_copied) VALUES (:mailbox, :migration, :started, :ended,"
                + " :outcome, :messages, :bytes)")
        .param("mailbox", mailboxId)
        .param("migration", migrationId)
        .param("started", utc(passStarted))
        .param("ended", utc(passEnded))
        .param("outcome", report.status().name())
        .param("messages", report.messagesCopied())
        .param("bytes", report.bytesCopied())
        .update();
    jdbc.sql("DELETE FROM report_skipped_item WHERE mailbox_id = :id")
        .param("id", mailboxId)
        .update();
    for (SkippedItem item : report.skippedItems()) {
      jdbc.sql(
              "INSERT INTO report_skipped_item (mailbox_id, migration_id, pass_started, folder,"
                  + " source_uid, message_id, subject, size_bytes, internal_date, reason, detail)"
                  + " VALUES (:mailbox, :migration, :started, :folder, :uid, :messageId, :subject,"
                  + " :size, :date, :reason, :detail)")
          .param("mailbox", mailboxId)
          .param("migration", migrationId)
          .param("started", utc(passStarted))
          .param("folder", item.folder())
          .param("uid", item.sourceUid())
          .param("messageId", cut(item.messageId(), MAX_MESSAGE_ID))
          .param("subject", cut(item.subject(), 200))
          .param("size", item.size())
          .param("date", item.internalDate() == null ? null : utc(item.internalDate()))
          .param("reason", item.reason().name())
          .param("detail", cut(item.detail(), MAX_DETAIL))
          .update();
    }
    for (FolderTally tally : report.tallies()) {
      folder(mailboxId, migrationId, tally);
    }
  }

  /** Records a mailbox that failed without a pass to report (its tries used up). */
  @Transactional
  public void failed(String mailboxId) {
    String migrationId = migrationOf(mailboxId);
    if (migrationId != null) {
      outcome(mailboxId, migrationId, MailboxStatus.FAILED, null);
    }
  }

  private void outcome(
      String mailboxId, String migrationId, MailboxStatus status, Instant passStarted) {
    int updated =
        jdbc.sql(
                "UPDATE report_mailbox SET outcome = :outcome, pass_started = COALESCE(:started,"
                    + " pass_started), updated_at = :now WHERE mailbox_id = :id")
            .param("outcome", status.name())
            .param("started", passStarted == null ? null : utc(passStarted))
            .param("now", utc(clock.instant()))
            .param("id", mailboxId)
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO report_mailbox (mailbox_id, migration_id, outcome, pass_started,"
                  + " updated_at) VALUES (:id, :migration, :outcome, :started, :now)")
          .param("id", mailboxId)
          .param("migration", migrationId)
          .param("outcome", status.name())
          .param("started", passStarted == null ? null : utc(passStarted))
          .param("now", utc(clock.instant()))
          .update();
    }
  }

  private void folder(String mailboxId, String migrationId, FolderTally tally) {
    String hash = sha256(tally.folder());
    Manifest before =
        jdbc.sql(
                "SELECT copied_messages, copied_bytes, copied_digest FROM report_folder WHERE"
                    + " mailbox_id = :id AND folder_hash = :hash")
            .param("id", mailboxId)
            .param("hash", hash)
            .query((rs, n) -> new Manifest(rs.getLong(1), rs.getLong(2), rs.getString(3)))
            .optional()
            .orElse(new Manifest(0, 0, CopyDigest.EMPTY));
    long copied = before.messages() + tally.copiedMessages();
    long bytes = before.bytes() + tally.copiedBytes();
    String digest = CopyDigest.plus(before.digest(), tally.copiedDigest());
    jdbc.sql("DELETE FROM report_folder WHERE mailbox_id = :id AND folder_hash = :hash")
        .param("id", mailboxId)
        .param("hash", hash)
        .update();
    jdbc.sql(
            "INSERT INTO report_folder (mailbox_id, folder_hash, migration_id, folder,"
                + " target_folder, source_messages, target_messages, recorded_messages,"
                + " skipped_messages, skipped_bytes, copied_messages, copied_bytes, copied_digest,"
                + " counted_at) VALUES (:id, :hash, :migration, :folder, :target, :source,"
                + " :targetCount, :recorded, :skipped, :skippedBytes, :copied, :bytes, :digest,"
                + " :now)")
        .param("id", mailboxId)
        .param("hash", hash)
        .param("migration", migrationId)
        .param("folder", cut(tally.folder(), 1000))
        .param("target", cut(tally.targetFolder(), 1000))
        .param("source", tally.sourceMessages())
        .param("targetCount", tally.targetMessages())
        .param("recorded", tally.recordedMessages())
        .param("skipped", tally.skippedMessages())
        .param("skippedBytes", tally.skippedBytes())
        .param("copied", copied)
        .param("bytes", bytes)
        .param("digest", digest)
        .param("now", utc(clock.instant()))
        .update();
  }

  private record Manifest(long messages, long bytes, String digest) {}

  private String migrationOf(String mailboxId) {
    return jdbc.sql("SELECT migration_id FROM mailbox WHERE id = :id")
        .param("id", mailboxId)
        .query(String.class)
        .optional()
        .orElse(null);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
