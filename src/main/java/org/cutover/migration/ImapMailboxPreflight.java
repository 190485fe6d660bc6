package org.cutover.migration;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.cutover.mailsync.EndpointProblem;
import org.cutover.mailsync.MailboxInspection;
import org.cutover.mailsync.MailboxInspector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Preflight of every mailbox: opens each on the source and the target with the logins a pass will
 * use, at most as many at once as the endpoints allow, and keeps the report in {@code
 * mailbox_preflight}. The server says little about why a login for one user fails (Dovecot and
 * Exchange answer "authentication failed" for a missing user and for an admin without rights
 * alike), so the report tells those apart only where the server does: a login refused for every
 * mailbox is the admin's password; a login that signs in but may not open a folder lacks rights.
 */
@Component
class ImapMailboxPreflight implements PreflightReports {

  private static final Logger log = LoggerFactory.getLogger(ImapMailboxPreflight.class);

  private final MigrationStore store;
  private final JdbcClient jdbc;
  private final MailboxInspector inspector = new MailboxInspector();
  private final Clock clock;

  ImapMailboxPreflight(MigrationStore store, JdbcClient jdbc, ObjectProvider<Clock> clock) {
    this.store = store;
    this.jdbc = jdbc;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  private record Inspected(
      MailboxState mailbox, MailboxInspection source, MailboxInspection target) {}

  /** The logins a pass uses for one mailbox. */
  interface Accounts {
    org.cutover.mailsync.SourceAccount source(MailboxState mailbox);

    org.cutover.mailsync.TargetAccount target(StoredMigration migration, MailboxState mailbox);
  }

  /**
   * Opens every mailbox of the batch (those not excluded) on both sides and records what each holds
   * and what is wrong with it, replacing the previous report.
   *
   * @return the mailboxes that fail, in batch order
   */
  List<MailboxCheck> check(String migrationId, Accounts accounts) {
    StoredMigration migration =
        store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    List<MailboxState> mailboxes = store.mailboxes(migrationId);
    List<Inspected> inspected = inspectAll(migration, mailboxes, accounts);
    Locale locale = Locale.forLanguageTag(migration.language());
    boolean sourceRefusedEverywhere = refusedEverywhere(inspected, true);
    boolean targetRefusedEverywhere = refusedEverywhere(inspected, false);
    Instant now = clock.instant();
    List<MailboxCheck> checks = new ArrayList<>();
    for (Inspected one : inspected) {
      List<String> problems = new ArrayList<>();
      problem(one.source(), "source", sourceRefusedEverywhere, locale).ifPresent(problems::add);
      problem(one.target(), "target", targetRefusedEverywhere, locale).ifPresent(problems::add);
      if (one.source() instanceof MailboxInspection.Opened source
          && one.target() instanceof MailboxInspection.Opened target
          && target.quotaFreeBytes() >= 0
          && target.quotaFreeBytes() < source.bytes()) {
        problems.add(
            RuleMessages.text(
                locale,
                "cutover.preflight.quota",
                size(target.quotaFreeBytes()),
                size(source.bytes())));
      }
      MailboxInspection.Opened source =
          one.source() instanceof MailboxInspection.Opened opened ? opened : null;
      MailboxInspection.Opened target =
          one.target() instanceof MailboxInspection.Opened opened ? opened : null;
      checks.add(
          new MailboxCheck(
              one.mailbox().emailAddress(),
              source == null ? null : source.folders(),
              source == null ? null : source.messages(),
              source == null ? null : source.bytes(),
              target == null || target.quotaFreeBytes() < 0 ? null : target.quotaFreeBytes(),
              problems.isEmpty() ? null : String.join("; ", problems),
              false,
              now));
    }
    record(migrationId, checks);
    List<MailboxCheck> failing = checks.stream().filter(MailboxCheck::failed).toList();
    log.info(
        "Migration {}: preflight of {} mailboxes, {} failing",
        migrationId,
        checks.size(),
        failing.size());
    return failing;
  }

  private List<Inspected> inspectAll(
      StoredMigration migration, List<MailboxState> mailboxes, Accounts accounts) {
    int parallel =
        store
            .endpoint(migration.id(), EndpointRole.SOURCE)
            .map(StoredEndpoint::maxConcurrentMailboxes)
            .orElse(1);
    if (migration.targetType() == TargetType.IMAP) {
      parallel =
          Math.min(
              parallel,
              store
                  .endpoint(migration.id(), EndpointRole.TARGET)
                  .map(StoredEndpoint::maxConcurrentMailboxes)
                  .orElse(1));
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.max(1, Math.min(parallel, mailboxes.size())));
    try {
      List<Future<Inspected>> running = new ArrayList<>();
      for (MailboxState mailbox : mailboxes) {
        running.add(
            pool.submit(
                () ->
                    new Inspected(
                        mailbox,
                        inspector.inspect(accounts.source(mailbox)),
                        inspector.inspect(accounts.target(migration, mailbox)))));
      }
      List<Inspected> done = new ArrayList<>();
      for (Future<Inspected> future : running) {
        done.add(future.get());
      }
      return done;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TransientStepFailure("Preflight of migration " + migration.id() + " was stopped");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean refusedEverywhere(List<Inspected> inspected, boolean source) {
    return inspected.size() > 1
        && inspected.stream()
            .map(one -> source ? one.source() : one.target())
            .allMatch(
                result ->
                    result instanceof MailboxInspection.Failed failed
                        && failed.problem() == EndpointProblem.BAD_CREDENTIALS);
  }

  private static java.util.Optional<String> problem(
      MailboxInspection inspection, String side, boolean refusedEverywhere, Locale locale) {
    if (!(inspection instanceof MailboxInspection.Failed failed)) {
      return java.util.Optional.empty();
    }
    String key =
        switch (failed.problem()) {
          case BAD_CREDENTIALS, NOT_AUTHORIZED ->
              refusedEverywhere
                  ? "cutover.preflight." + side + ".everyLogin"
                  : "cutover.preflight." + side + ".refused";
          case NO_MAILBOX_ACCESS -> "cutover.preflight." + side + ".noRights";
          default -> "cutover.preflight." + side + ".other";
        };
    return java.util.Optional.of(
        RuleMessages.text(
            locale, key, failed.folder() == null ? "INBOX" : failed.folder(), failed.message()));
  }

  /** KB below a megabyte, so that a small quota never reads as "0 MB". */
  private static String size(long bytes) {
    if (bytes < DataSize.ofMegabytes(1).toBytes()) {
      return (bytes + 1023) / 1024 + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  @Override
  @Transactional
  public void record(String migrationId, List<MailboxCheck> checks) {
    jdbc.sql("DELETE FROM mailbox_preflight WHERE migration_id = :id AND excluded = FALSE")
        .param("id", migrationId)
        .update();
    int position = 0;
    for (MailboxCheck check : checks) {
      jdbc.sql(
              "INSERT INTO mailbox_preflight (migration_id, email_address, position,"
                  + " source_folders, source_messages, source_bytes, target_quota_free, problem,"
                  + " excluded, checked_at) VALUES (:id, :address, :position, :folders,"
                  + " :messages, :bytes, :free, :problem, FALSE, :at)")
          .param("id", migrationId)
          .param("address", check.emailAddress())
          .param("position", position++)
          .param("folders", check.sourceFolders())
          .param("messages", check.sourceMessages())
          .param("bytes", check.sourceBytes())
          .param("free", check.targetQuotaFree())
          .param("problem", truncated(check.problem()))
          .param("at", java.sql.Timestamp.from(check.checkedAt()))
          .update();
    }
  }

  private static String truncated(String problem) {
    return problem == null || problem.length() <= 2000
        ? problem
        : problem.substring(0, 1997) + "...";
  }

  @Override
  public List<MailboxCheck> report(String migrationId) {
    return jdbc.sql(
            "SELECT * FROM mailbox_preflight WHERE migration_id = :id"
                + " ORDER BY excluded, position, email_address")
        .param("id", migrationId)
        .query(
            (rs, row) ->
                new MailboxCheck(
                    rs.getString("email_address"),
                    (Integer) rs.getObject("source_folders", Integer.class),
                    (Long) rs.getObject("source_messages", Long.class),
                    (Long) rs.getObject("source_bytes", Long.class),
                    (Long) rs.getObject("target_quota_free", Long.class),
                    rs.getString("problem"),
                    rs.getBoolean("excluded"),
                    rs.getTimestamp("checked_at").toInstant()))
        .list();
  }

  @Override
  @Transactional
  public List<String> excludeFailing(String migrationId) {
    List<String> failing =
        jdbc.sql(
                "SELECT email_address FROM mailbox_preflight WHERE migration_id = :id"
                    + " AND excluded = FALSE AND problem IS NOT NULL ORDER BY position")
            .param("id", migrationId)
            .query(String.class)
            .list();
    if (failing.size() >= store.mailboxes(migrationId).size()) {
      throw new StepNeedsAdministrator(
          "Every mailbox of migration "
              + migrationId
              + " failed preflight: excluding them would leave an empty batch; fix the servers"
              + " and check again, or cancel the migration");
    }
    for (String address : failing) {
      jdbc.sql("DELETE FROM mailbox WHERE migration_id = :id AND email_address = :address")
          .param("id", migrationId)
          .param("address", address)
          .update();
      jdbc.sql(
              "UPDATE mailbox_preflight SET excluded = TRUE WHERE migration_id = :id"
                  + " AND email_address = :address")
          .param("id", migrationId)
          .param("address", address)
          .update();
    }
    log.info(
        "Migration {}: {} mailboxes excluded from the batch: {}",
        migrationId,
        failing.size(),
        failing);
    return failing;
  }
}
