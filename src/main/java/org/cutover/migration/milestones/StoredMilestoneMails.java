package org.cutover.migration.milestones;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.cutover.migration.LetterProperties;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.migration.reports.MigrationReports;
import org.cutover.migration.reports.ReportCsv;
import org.cutover.migration.reports.ReportPage;
import org.cutover.notify.Attachment;
import org.cutover.notify.OutgoingLetter;
import org.cutover.notify.SendOutcome;
import org.cutover.notify.SmtpPost;
import org.cutover.notify.SmtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Milestones recorded in {@code milestone_mail} and mailed to {@code
 * cutover.letters.administrator-email} through the letters' SMTP server ({@code spring.mail.*}). A
 * mail goes right after the milestone is committed; one the server did not take is tried again by
 * {@link MilestoneMailRetry} up to {@value #MAX_ATTEMPTS} times. A row is claimed for a while
 * before it is sent, so that two nodes never send the same mail at once; {@code sent_at} marks it
 * done.
 */
@Component
class StoredMilestoneMails implements MilestoneMails {

  static final int MAX_ATTEMPTS = 10;
  static final Duration CLAIM = Duration.ofMinutes(2);

  private static final Logger log = LoggerFactory.getLogger(StoredMilestoneMails.class);

  private final JdbcClient jdbc;
  private final MigrationReports reports;
  private final ObjectProvider<SmtpPost> smtp;
  private final LetterProperties letters;
  private final Clock clock;

  StoredMilestoneMails(
      JdbcClient jdbc,
      MigrationReports reports,
      ObjectProvider<SmtpPost> smtp,
      LetterProperties letters,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.reports = reports;
    this.smtp = smtp;
    this.letters = letters;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public void reached(String migrationId, Milestone milestone) {
    int recorded =
        jdbc.sql(
                "INSERT INTO milestone_mail (migration_id, milestone, reached_at, attempts) SELECT"
                    + " :id, :milestone, :now, 0 FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS"
                    + " (SELECT 1 FROM milestone_mail WHERE migration_id = :id AND milestone ="
                    + " :milestone)")
            .param("id", migrationId)
            .param("milestone", milestone.name())
            .param("now", now())
            .update();
    if (recorded == 0) {
      log.info("Migration {}: milestone {} was recorded already", migrationId, milestone);
      return;
    }
    log.info("Migration {}: milestone {} reached", migrationId, milestone);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              send(migrationId, milestone);
            }
          });
    } else {
      send(migrationId, milestone);
    }
  }

  /** Sends every milestone mail not sent yet whose tries are not used up. */
  void sendPending() {
    if (smtp.getIfAvailable() == null) {
      return;
    }
    record Pending(String migrationId, Milestone milestone) {}
    List<Pending> pending =
        jdbc.sql(
                "SELECT migration_id, milestone FROM milestone_mail WHERE sent_at IS NULL AND"
                    + " attempts < :max ORDER BY reached_at")
            .param("max", MAX_ATTEMPTS)
            .query((rs, n) -> new Pending(rs.getString(1), Milestone.valueOf(rs.getString(2))))
            .list();
    pending.forEach(p -> send(p.migrationId(), p.milestone()));
  }

  /** Mails one milestone if it is not sent and no other node is sending it; never throws. */
  void send(String migrationId, Milestone milestone) {
    SmtpPost post = smtp.getIfAvailable();
    if (post == null || letters.administratorEmail() == null || letters.from() == null) {
      log.info(
          "Migration {}: milestone {} not mailed: no SMTP server (spring.mail.host) or no"
              + " cutover.letters.administrator-email / cutover.letters.from",
          migrationId,
          milestone);
      return;
    }
    if (!claim(migrationId, milestone)) {
      return;
    }
    String failure;
    try {
      failure = mail(post, migrationId, milestone);
    } catch (RuntimeException e) {
      // An SMTP server that cannot be reached or refuses our login; our messages only.
      failure = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    if (failure == null) {
      jdbc.sql(
              "UPDATE milestone_mail SET sent_at = :now, recipient = :to, claimed_until = NULL,"
                  + " last_error = NULL WHERE migration_id = :id AND milestone = :milestone")
          .param("now", now())
          .param("to", letters.administratorEmail())
          .param("id", migrationId)
          .param("milestone", milestone.name())
          .update();
      log.info(
          "Migration {}: milestone {} mailed to {}",
          migrationId,
          milestone,
          letters.administratorEmail());
    } else {
      String shortened = failure.length() > 1000 ? failure.substring(0, 1000) : failure;
      jdbc.sql(
              "UPDATE milestone_mail SET claimed_until = NULL, last_error = :error WHERE"
                  + " migration_id = :id AND milestone = :milestone")
          .param("error", shortened)
          .param("id", migrationId)
          .param("milestone", milestone.name())
          .update();
      log.warn(
          "Migration {}: milestone {} not mailed, tried again later: {}",
          migrationId,
          milestone,
          shortened);
    }
  }

  private boolean claim(String migrationId, Milestone milestone) {
    return jdbc.sql(
                "UPDATE milestone_mail SET claimed_until = :until, attempts = attempts + 1 WHERE"
                    + " migration_id = :id AND milestone = :milestone AND sent_at IS NULL AND"
                    + " attempts < :max AND (claimed_until IS NULL OR claimed_until < :now)")
            .param("until", now().plus(CLAIM))
            .param("now", now())
            .param("max", MAX_ATTEMPTS)
            .param("id", migrationId)
            .param("milestone", milestone.name())
            .update()
        == 1;
  }

  /** Sends the mail; the reason when the server did not take it, null when it did. */
  private String mail(SmtpPost post, String migrationId, Milestone milestone) {
    MigrationReport report = reports.report(migrationId);
    Locale locale = "da".equals(report.language()) ? Locale.forLanguageTag("da") : Locale.ENGLISH;
    List<Attachment> attachments =
        List.of(
            new Attachment(
                "report.html",
                "text/html; charset=UTF-8",
                ReportPage.render(report, locale).getBytes(StandardCharsets.UTF_8)),
            new Attachment(
                "report.csv",
                "text/csv; charset=UTF-8",
                ReportCsv.mailboxes(report.mailboxes()).getBytes(StandardCharsets.UTF_8)));
    OutgoingLetter letter =
        new OutgoingLetter(
            letters.from(),
            null,
            letters.administratorEmail(),
            null,
            MilestoneMailText.of(report, milestone));
    try (SmtpSession session = post.session()) {
      session.connect();
      SendOutcome outcome = session.send(letter, attachments);
      if (outcome instanceof SendOutcome.Accepted) {
        return null;
      }
      if (outcome instanceof SendOutcome.Deferred deferred) {
        return deferred.reason();
      }
      if (outcome instanceof SendOutcome.Refused refused) {
        return refused.reason();
      }
      return ((SendOutcome.Unknown) outcome).reason();
    }
  }

  private OffsetDateTime now() {
    return clock.instant().atOffset(ZoneOffset.UTC);
  }
}
