package org.cutover.migration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * mailbox_preflight}. A round over a large batch is cut into steps of a bounded time, each writing
 * what it found, so that no step outlives the engine's job lock. The server says little about why a
 * login for one user fails (Dovecot and Exchange answer "authentication failed" for a missing user
 * and for an admin without rights alike), so the report tells those apart only where the server
 * does: a login refused for every mailbox is the admin's password; a login that signs in but may
 * not open a folder lacks rights.
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
      int position, MailboxState mailbox, MailboxInspection source, MailboxInspection target) {}

  /** The logins a pass uses for one mailbox. */
  interface Accounts {
    org.cutover.mailsync.SourceAccount source(MailboxState mailbox);

    org.cutover.mailsync.TargetAccount target(StoredMigration migration, MailboxState mailbox);
  }

  /**
   * Opens the batch's mailbox (those not excluded) that this round has not checked yet, for {@code
   * stepTime}, and records what each holds and what is wrong with it. Mailboxes already being
   * opened when the time is up are finished; each thread opens at least one, so every step gets on.
   * The round's last step concludes the report: a login refused for every mailbox is then told as
   * the admin's password.
   *
   * @param fromStart begin a new round, forgetting the last report's mailboxes not excluded
   */
  PreflightRound check(
      String migrationId, Accounts accounts, boolean fromStart, Duration stepTime) {
    StoredMigration migration =
        store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    if (fromStart) {
      jdbc.sql("DELETE FROM mailbox_preflight WHERE migration_id = :id AND excluded = FALSE")
          .param("id", migrationId)
          .update();
    }
    Set<String> checked = new HashSet<>(checkedAddresses(migrationId));
    List<MailboxState> mailboxes = store.mailboxes(migrationId);
    List<Positioned> unchecked = new ArrayList<>();
    for (int position = 0; position < mailboxes.size(); position++) {
      if (!checked.contains(mailboxes.get(position).emailAddress())) {
        unchecked.add(new Positioned(position, mailboxes.get(position)));
      }
    }
    Locale locale = Locale.forLanguageTag(migration.language());
    Instant deadline = clock.instant().plus(stepTime);
    List<Inspected> inspected = inspectUntil(migration, unchecked, accounts, deadline);
    for (Inspected one : inspected) {
      insert(migrationId, one, locale);
    }
    int left = unchecked.size() - inspected.size();
    if (left > 0) {
      log.info(
          "Migration {}: preflight opened {} mailboxes in this step, {} left",
          migrationId,
          inspected.size(),
          left);
      return new PreflightRound(left, List.of());
    }
    List<MailboxCheck> failing = conclude(migrationId, locale);
    log.info(
        "Migration {}: preflight of {} mailboxes, {} failing",
        migrationId,
        mailboxes.size(),
        failing.size());
    return new PreflightRound(0, failing);
  }

  private record Positioned(int position, MailboxState mailbox) {}

  private List<String> checkedAddresses(String migrationId) {
    return jdbc.sql(
            "SELECT email_address FROM mailbox_preflight WHERE migration_id = :id"
                + " AND excluded = FALSE")
        .param("id", migrationId)
        .query(String.class)
        .list();
  }

  private List<Inspected> inspectUntil(
      StoredMigration migration, List<Positioned> mailboxes, Accounts accounts, Instant deadline) {
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
    int threads = Math.max(1, Math.min(parallel, mailboxes.size()));
    Queue<Positioned> waiting = new ConcurrentLinkedQueue<>(mailboxes);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<Inspected>>> running = new ArrayList<>();
      for (int thread = 0; thread < threads; thread++) {
        running.add(
            pool.submit(
                () -> {
                  List<Inspected> done = new ArrayList<>();
                  Positioned next;
                  while ((done.isEmpty() || clock.instant().isBefore(deadline))
                      && (next = waiting.poll()) != null) {
                    done.add(
                        new Inspected(
                            next.position(),
                            next.mailbox(),
                            inspector.inspect(accounts.source(next.mailbox())),
                            inspector.inspect(accounts.target(migration, next.mailbox()))));
                  }
                  return done;
                }));
      }
      List<Inspected> done = new ArrayList<>();
      for (Future<List<Inspected>> future : running) {
        done.addAll(future.get());
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

  private void insert(String migrationId, Inspected one, Locale locale) {
    MailboxInspection.Opened source =
        one.source() instanceof MailboxInspection.Opened opened ? opened : null;
    MailboxInspection.Opened target =
        one.target() instanceof MailboxInspection.Opened opened ? opened : null;
    String sourceProblem = problem(one.source(), "source", locale).orElse(null);
    String targetProblem = problem(one.target(), "target", locale).orElse(null);
    if (source != null
        && target != null
        && target.quotaFreeBytes() >= 0
        && target.quotaFreeBytes() < source.bytes()) {
      targetProblem =
          RuleMessages.text(
              locale,
              "cutover.preflight.quota",
              size(target.quotaFreeBytes()),
              size(source.bytes()));
    }
    jdbc.sql(
            "INSERT INTO mailbox_preflight (migration_id, email_address, position,"
                + " source_folders, source_messages, source_bytes, target_quota_free, problem,"
                + " source_problem, target_problem, source_refusal, target_refusal, excluded,"
                + " checked_at) VALUES (:id, :address, :position, :folders, :messages, :bytes,"
                + " :free, :problem, :sourceProblem, :targetProblem, :sourceRefusal,"
                + " :targetRefusal, FALSE, :at)")
        .param("id", migrationId)
        .param("address", one.mailbox().emailAddress())
        .param("position", one.position())
        .param("folders", source == null ? null : source.folders())
        .param("messages", source == null ? null : source.messages())
        .param("bytes", source == null ? null : source.bytes())
        .param(
            "free", target == null || target.quotaFreeBytes() < 0 ? null : target.quotaFreeBytes())
        .param("problem", truncated(joined(sourceProblem, targetProblem)))
        .param("sourceProblem", truncated(sourceProblem))
        .param("targetProblem", truncated(targetProblem))
        .param("sourceRefusal", refusal(one.source()))
        .param("targetRefusal", refusal(one.target()))
        .param("at", java.sql.Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * Ends a round: where the login was refused for every mailbox of a side (more than one), each of
   * them says so, for that is the admin's password rather than each user's.
   */
  private List<MailboxCheck> conclude(String migrationId, Locale locale) {
    for (String side : List.of("source", "target")) {
      List<Map<String, Object>> rows =
          jdbc.sql(
                  "SELECT email_address, "
                      + side
                      + "_refusal AS refusal, "
                      + side
                      + "_problem AS problem, "
                      + other(side)
                      + "_problem AS other FROM mailbox_preflight WHERE migration_id = :id"
                      + " AND excluded = FALSE")
              .param("id", migrationId)
              .query()
              .listOfRows();
      if (rows.size() < 2 || rows.stream().anyMatch(row -> row.get("refusal") == null)) {
        continue;
      }
      for (Map<String, Object> row : rows) {
        String mine =
            RuleMessages.text(
                locale, "cutover.preflight." + side + ".everyLogin", "INBOX", row.get("refusal"));
        String other = (String) row.get("other");
        jdbc.sql(
                "UPDATE mailbox_preflight SET "
                    + side
                    + "_problem = :mine, problem = :problem WHERE migration_id = :id"
                    + " AND email_address = :address")
            .param("mine", truncated(mine))
            .param(
                "problem",
                truncated(side.equals("source") ? joined(mine, other) : joined(other, mine)))
            .param("id", migrationId)
            .param("address", row.get("email_address"))
            .update();
      }
    }
    return report(migrationId).stream()
        .filter(check -> !check.excluded() && check.failed())
        .toList();
  }

  private static String other(String side) {
    return side.equals("source") ? "target" : "source";
  }

  private static String joined(String first, String second) {
    if (first == null) {
      return second;
    }
    return second == null ? first : first + "; " + second;
  }

  /** The server's answer to a login it refused; null when it did not refuse one. */
  private static String refusal(MailboxInspection inspection) {
    if (inspection instanceof MailboxInspection.Failed failed
        && failed.problem() == EndpointProblem.BAD_CREDENTIALS) {
      String message = String.valueOf(failed.message());
      return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
    return null;
  }

  private static java.util.Optional<String> problem(
      MailboxInspection inspection, String side, Locale locale) {
    if (!(inspection instanceof MailboxInspection.Failed failed)) {
      return java.util.Optional.empty();
    }
    String key =
        switch (failed.problem()) {
          case BAD_CREDENTIALS, NOT_AUTHORIZED -> "cutover.preflight." + side + ".refused";
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
