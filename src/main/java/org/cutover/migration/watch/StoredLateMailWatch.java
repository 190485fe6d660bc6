package org.cutover.migration.watch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.PassWatch;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The watch recorded in {@code late_mail_watch} and {@code late_mail_mailbox}. */
@Component
class StoredLateMailWatch implements LateMailWatch {

  private static final Logger log = LoggerFactory.getLogger(StoredLateMailWatch.class);
  private static final Duration SOONEST = Duration.ofSeconds(1);
  private static final int MAX_ERROR = 2000;

  private final JdbcClient jdbc;
  private final MigrationStore store;
  private final ObjectProvider<MailboxSyncEngine> engine;
  private final BatchLifecycle batch;
  private final LateMailWatchProperties properties;
  private final Clock clock;

  StoredLateMailWatch(
      JdbcClient jdbc,
      MigrationStore store,
      ObjectProvider<MailboxSyncEngine> engine,
      BatchLifecycle batch,
      LateMailWatchProperties properties,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.engine = engine;
    this.batch = batch;
    this.properties = properties;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public void lookAt(String migrationId, String mailboxId) {
    MailboxSyncEngine sync =
        engine.getIfAvailable(
            () -> {
              throw new StepNeedsAdministrator(
                  "Migration "
                      + migrationId
                      + ": the source cannot be watched for late mail because the mail sync"
                      + " capability is not configured on this node");
            });
    begin(migrationId);
    MailboxState mailbox =
        store
            .mailbox(mailboxId)
            .filter(found -> migrationId.equals(found.migrationId()))
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Migration " + migrationId + " has no mailbox " + mailboxId));
    long copied = 0;
    String error;
    try {
      MailboxSyncReport report = sync.sync(mailbox.id(), SyncMode.INCREMENTAL, PassWatch.UNGUARDED);
      copied = report.messagesCopied() + report.messagesAltered();
      error = report.error();
    } catch (RuntimeException e) {
      // A mailbox that cannot be looked at now is tried again at the next look.
      error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    recordMailbox(migrationId, mailbox, copied, error);
    if (copied > 0) {
      log.info(
          "Migration {} mailbox {}: {} late messages copied to the target",
          migrationId,
          mailbox.id(),
          copied);
    }
  }

  @Override
  public WatchCheck check(String migrationId) {
    Instant endsAt = begin(migrationId);
    Instant now = clock.instant();
    jdbc.sql(
            "UPDATE late_mail_watch SET checks = checks + 1, last_check_at = :now WHERE"
                + " migration_id = :id")
        .param("now", utc(now))
        .param("id", migrationId)
        .update();
    if (!now.isBefore(endsAt)) {
      return new WatchCheck(true, Duration.ZERO);
    }
    Duration left = Duration.between(now, endsAt);
    Duration next =
        left.compareTo(properties.checkInterval()) < 0 ? left : properties.checkInterval();
    return new WatchCheck(false, next.compareTo(SOONEST) < 0 ? SOONEST : next);
  }

  /** Starts the watch at the first look (a retried step keeps the first start) and says its end. */
  private Instant begin(String migrationId) {
    Optional<Instant> endsAt =
        jdbc.sql("SELECT ends_at FROM late_mail_watch WHERE migration_id = :id")
            .param("id", migrationId)
            .query(OffsetDateTime.class)
            .optional()
            .map(OffsetDateTime::toInstant);
    if (endsAt.isPresent()) {
      return endsAt.get();
    }
    Instant now = clock.instant();
    Instant end = now.plus(properties.duration());
    jdbc.sql(
            "INSERT INTO late_mail_watch (migration_id, started_at, ends_at, checks) VALUES (:id,"
                + " :now, :end, 0)")
        .param("id", migrationId)
        .param("now", utc(now))
        .param("end", utc(end))
        .update();
    log.info("Migration {}: watching the source for late mail until {}", migrationId, end);
    return end;
  }

  private void recordMailbox(String migrationId, MailboxState mailbox, long copied, String error) {
    String shortError =
        error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    OffsetDateTime now = utc(clock.instant());
    int updated =
        jdbc.sql(
                "UPDATE late_mail_mailbox SET messages_copied = messages_copied + :copied,"
                    + " last_check_at = :now, last_error = :error WHERE migration_id = :migration"
                    + " AND mailbox_id = :mailbox")
            .param("copied", copied)
            .param("now", now)
            .param("error", shortError)
            .param("migration", migrationId)
            .param("mailbox", mailbox.id())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO late_mail_mailbox (migration_id, mailbox_id, email_address,"
                  + " messages_copied, last_check_at, last_error) VALUES (:migration, :mailbox,"
                  + " :address, :copied, :now, :error)")
          .param("migration", migrationId)
          .param("mailbox", mailbox.id())
          .param("address", mailbox.emailAddress())
          .param("copied", copied)
          .param("now", now)
          .param("error", shortError)
          .update();
    }
  }

  @Override
  public WatchReport end(String migrationId) {
    markEnded(migrationId, "PERIOD_OVER");
    batch.forgetSource(migrationId);
    WatchReport report = of(migrationId).orElseThrow();
    log.info(
        "Migration {}: watch for late mail ended, {} late messages copied; source forgotten",
        migrationId,
        report.messagesCopied());
    return report;
  }

  @Override
  public void endAfterRollback(String migrationId) {
    if (of(migrationId).isEmpty()) {
      return;
    }
    markEnded(migrationId, "ROLLED_BACK");
    batch.forgetSource(migrationId);
    log.info(
        "Migration {}: watch for late mail ended by the rollback; source forgotten", migrationId);
  }

  private void markEnded(String migrationId, String how) {
    jdbc.sql(
            "UPDATE late_mail_watch SET ended_at = :now, ended_how = :how WHERE migration_id = :id"
                + " AND ended_at IS NULL")
        .param("now", utc(clock.instant()))
        .param("how", how)
        .param("id", migrationId)
        .update();
  }

  @Override
  public Optional<WatchReport> of(String migrationId) {
    List<WatchReport.Mailbox> mailboxes =
        jdbc.sql(
                "SELECT email_address, messages_copied, last_check_at, last_error FROM"
                    + " late_mail_mailbox WHERE migration_id = :id ORDER BY email_address")
            .param("id", migrationId)
            .query(
                (rs, n) ->
                    new WatchReport.Mailbox(
                        rs.getString("email_address"),
                        rs.getLong("messages_copied"),
                        instant(rs.getObject("last_check_at", OffsetDateTime.class)),
                        rs.getString("last_error")))
            .list();
    return jdbc.sql(
            "SELECT started_at, ends_at, last_check_at, checks, ended_at, ended_how FROM"
                + " late_mail_watch WHERE migration_id = :id")
        .param("id", migrationId)
        .query(
            (rs, n) ->
                new WatchReport(
                    instant(rs.getObject("started_at", OffsetDateTime.class)),
                    instant(rs.getObject("ends_at", OffsetDateTime.class)),
                    instant(rs.getObject("last_check_at", OffsetDateTime.class)),
                    rs.getInt("checks"),
                    instant(rs.getObject("ended_at", OffsetDateTime.class)),
                    rs.getString("ended_how"),
                    mailboxes))
        .optional();
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
