package org.cutover.migration;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs a sync pass through the {@link MailboxSyncEngine} and records it on the mailbox: its status
 * while it runs, then the outcome, the counts and, when it succeeded, the time it started as the
 * last successful sync (all mail that arrived before then is copied).
 */
@Component
class RecordingMailboxSyncRunner implements MailboxSyncRunner {

  private static final Logger log = LoggerFactory.getLogger(RecordingMailboxSyncRunner.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  /** A mailbox a cancel stopped stays stopped, whatever its last pass reports. */
  private static final String KEEP_STOPPED = "CASE WHEN status = 'STOPPED' THEN status ELSE %s END";

  private static final MailboxSyncReport NOTHING_DONE = new MailboxSyncReport(0, 0, 0, 0, null);

  private final JdbcClient jdbc;
  private final ObjectProvider<MailboxSyncEngine> mailSync;
  private final MailboxLeases leases;
  private final EndpointTurns turns;
  private final PassProgressLog progressLog;
  private final org.cutover.migration.reports.PassRecords passRecords;
  private final Clock clock;
  private final org.cutover.migration.metrics.RunbookMetrics metrics;

  RecordingMailboxSyncRunner(
      JdbcClient jdbc,
      ObjectProvider<MailboxSyncEngine> mailSync,
      MailboxLeases leases,
      EndpointTurns turns,
      PassProgressLog progressLog,
      org.cutover.migration.reports.PassRecords passRecords,
      ObjectProvider<Clock> clock) {
    this(
        jdbc,
        mailSync,
        leases,
        turns,
        progressLog,
        passRecords,
        clock,
        new org.springframework.beans.factory.support.StaticListableBeanFactory()
            .getBeanProvider(org.cutover.migration.metrics.RunbookMetrics.class));
  }

  @org.springframework.beans.factory.annotation.Autowired
  RecordingMailboxSyncRunner(
      JdbcClient jdbc,
      ObjectProvider<MailboxSyncEngine> mailSync,
      MailboxLeases leases,
      EndpointTurns turns,
      PassProgressLog progressLog,
      org.cutover.migration.reports.PassRecords passRecords,
      ObjectProvider<Clock> clock,
      ObjectProvider<org.cutover.migration.metrics.RunbookMetrics> metrics) {
    this.metrics = metrics.getIfAvailable(org.cutover.migration.metrics.RunbookMetrics::unread);
    this.passRecords = passRecords;
    this.jdbc = jdbc;
    this.mailSync = mailSync;
    this.leases = leases;
    this.turns = turns;
    this.progressLog = progressLog;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  private record Standing(String migrationId, MailboxStatus status, BatchStatus batchStatus) {}

  @Override
  public MailboxSyncReport run(String mailboxId, SyncMode mode, TaskLock lock) {
    Standing standing = standing(mailboxId);
    if (standing.status() == MailboxStatus.REMOVED
        || standing.batchStatus() == BatchStatus.REMOVED
        || standing.batchStatus() == BatchStatus.STOPPED) {
      log.info(
          "Migration {} mailbox {}: {} sync skipped, batch is {}",
          standing.migrationId(),
          mailboxId,
          mode,
          standing.batchStatus());
      return NOTHING_DONE;
    }
    MailboxSyncEngine engine = mailSync.getIfAvailable();
    if (engine == null) {
      throw new StepNeedsAdministrator(
          "Mailbox " + mailboxId + " cannot be synced: " + Capability.MAIL_SYNC.describeMissing());
    }
    MailboxLease lease =
        leases
            .take(mailboxId, lock.worker())
            .orElseThrow(
                () ->
                    new MailboxBusy(
                        "Mailbox "
                            + mailboxId
                            + " is synced by another pass"
                            + leases.holder(mailboxId).map(h -> " (" + h + ")").orElse(""),
                        leases.duration()));
    try (lease;
        EndpointTurn turn = turn(mailboxId, lock, standing.status())) {
      // Inside the lease and the servers' turn: these two lines bound the pass, so that the logs
      // of all nodes show which process worked a mailbox when.
      log.info(
          "Migration {} mailbox {}: {} pass started by {}",
          standing.migrationId(),
          mailboxId,
          mode,
          lock.worker());
      try {
        return runLeased(
            engine, mailboxId, mode, lock, () -> stopReason(lock, lease, turn), standing);
      } finally {
        log.info(
            "Migration {} mailbox {}: {} pass ended by {}",
            standing.migrationId(),
            mailboxId,
            mode,
            lock.worker());
      }
    }
  }

  private MailboxSyncReport runLeased(
      MailboxSyncEngine engine,
      String mailboxId,
      SyncMode mode,
      TaskLock lock,
      PassWatch held,
      Standing standing) {
    Instant started = clock.instant();
    MailboxStatus running =
        mode == SyncMode.INITIAL ? MailboxStatus.SYNCING : MailboxStatus.INCREMENTAL_SYNCING;
    jdbc.sql(
            "UPDATE mailbox SET status = :status, last_sync_started_at = :started, last_sync_mode"
                + " = :mode, updated_at = :started WHERE id = :id AND status NOT IN ('REMOVED',"
                + " 'STOPPED')")
        .param("status", running.name())
        .param("started", MigrationStore.utc(started))
        .param("mode", mode.name())
        .param("id", mailboxId)
        .update();
    PassProgressLog.Pass progress = progressLog.start(mailboxId);
    PassWatch watch =
        new PassWatch() {
          @Override
          public String stopReason() {
            return held.stopReason();
          }

          @Override
          public void progress(org.cutover.mailsync.SyncProgress p) {
            progress.progress(p);
          }
        };
    MailboxSyncReport report;
    try {
      report = engine.sync(mailboxId, mode, watch);
    } catch (PassStopped stopped) {
      metrics.passInterrupted(mode.name(), "stopped", tookSince(started));
      recordInterrupted(mailboxId, standing.status(), stopped.getMessage());
      throw stopped;
    } catch (TransientStepFailure passing) {
      metrics.passInterrupted(mode.name(), "retried", tookSince(started));
      recordInterrupted(mailboxId, standing.status(), passing.getMessage());
      throw passing;
    } catch (StepNeedsAdministrator needsFix) {
      metrics.passInterrupted(mode.name(), "needs_administrator", tookSince(started));
      markFailed(mailboxId, needsFix.getMessage());
      throw needsFix;
    } catch (RuntimeException unexpected) {
      metrics.passInterrupted(mode.name(), "retried", tookSince(started));
      recordInterrupted(
          mailboxId,
          standing.status(),
          "The " + mode + " sync stopped with " + unexpected.getClass().getSimpleName());
      throw unexpected;
    } finally {
      progress.finish();
    }
    record(mailboxId, started, report);
    passRecords.record(mailboxId, started, report);
    metrics.passEnded(mode.name(), report, tookSince(started));
    log.info(
        "Migration {} mailbox {}: {} sync {}, {} messages copied, {} flags updated, {} skipped",
        standing.migrationId(),
        mailboxId,
        mode,
        report.succeeded() ? "succeeded" : "failed",
        report.messagesCopied(),
        report.flagsUpdated(),
        report.messagesSkipped());
    return report;
  }

  private java.time.Duration tookSince(Instant started) {
    java.time.Duration took = java.time.Duration.between(started, clock.instant());
    return took.isNegative() ? java.time.Duration.ZERO : took;
  }

  /** The pass's turn on its servers; a mailbox that must wait for it says why. */
  private EndpointTurn turn(String mailboxId, TaskLock lock, MailboxStatus status) {
    try {
      return turns.take(mailboxId, lock);
    } catch (MailboxBusy waiting) {
      recordInterrupted(mailboxId, status, waiting.getMessage());
      throw waiting;
    }
  }

  /** Why the pass must stop: its task lock, its mailbox's lease or a server's slot is lost. */
  private static String stopReason(TaskLock lock, MailboxLease lease, EndpointTurn turn) {
    String lost = lock.lostReason();
    if (lost == null) {
      lost = lease.check();
    }
    return lost != null ? lost : turn.check();
  }

  @Override
  public void markFailed(String mailboxId, String error) {
    standing(mailboxId);
    jdbc.sql(
            "UPDATE mailbox SET status = "
                + KEEP_STOPPED.formatted("'FAILED'")
                + ", last_error = :error, updated_at = :now WHERE id = :id AND status <>"
                + " 'REMOVED'")
        .param("error", shortened(error))
        .param("now", MigrationStore.utc(clock.instant()))
        .param("id", mailboxId)
        .update();
    passRecords.failed(mailboxId);
    log.info("Mailbox {} marked failed", mailboxId);
  }

  private void record(String mailboxId, Instant started, MailboxSyncReport report) {
    String lastSuccess = report.succeeded() ? " last_successful_sync = :started," : "";
    JdbcClient.StatementSpec update =
        jdbc.sql(
                "UPDATE mailbox SET status = "
                    + KEEP_STOPPED.formatted(":status")
                    + ","
                    + lastSuccess
                    + " messages_copied = messages_copied + :copied, flags_updated = flags_updated +"
                    + " :flags, messages_skipped = messages_skipped + :skipped, bytes_copied ="
                    + " bytes_copied + :bytes, last_error = :error, updated_at = :now WHERE id = :id"
                    + " AND status <> 'REMOVED'")
            .param("status", report.status().name())
            .param("copied", report.messagesCopied())
            .param("flags", report.flagsUpdated())
            .param("skipped", report.messagesSkipped())
            .param("bytes", report.bytesCopied())
            .param("error", shortened(report.error()))
            .param("now", MigrationStore.utc(clock.instant()))
            .param("id", mailboxId);
    if (report.succeeded()) {
      update.param("started", MigrationStore.utc(started));
    }
    update.update();
  }

  /** A pass that will be retried: the status it had before, with the reason shown. */
  private void recordInterrupted(String mailboxId, MailboxStatus before, String error) {
    jdbc.sql(
            "UPDATE mailbox SET status = "
                + KEEP_STOPPED.formatted(":status")
                + ", last_error = :error, updated_at = :now WHERE id = :id AND status <>"
                + " 'REMOVED'")
        .param("status", before.name())
        .param("error", shortened(error))
        .param("now", MigrationStore.utc(clock.instant()))
        .param("id", mailboxId)
        .update();
  }

  private Standing standing(String mailboxId) {
    return jdbc.sql(
            "SELECT b.migration_id, b.status, m.batch_status FROM mailbox b JOIN migration m ON"
                + " m.id = b.migration_id WHERE b.id = :id")
        .param("id", mailboxId)
        .query(
            (rs, row) ->
                new Standing(
                    rs.getString("migration_id"),
                    MailboxStatus.valueOf(rs.getString("status")),
                    BatchStatus.valueOf(rs.getString("batch_status"))))
        .optional()
        .orElseThrow(() -> MigrationNotFound.mailbox(mailboxId));
  }

  private static String shortened(String error) {
    if (error == null || error.length() <= MAX_ERROR_LENGTH) {
      return error;
    }
    return error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
  }
}
