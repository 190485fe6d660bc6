package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.cutover.migration.JdbcDnsChangeJournal;
import org.cutover.testsupport.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each DNS step that changes the zone, killed between its update at a real BIND 9 (RFC 2136 + TSIG)
 * and the commit of its job's transaction, then run again, then the migration cancelled: the zone
 * is back record for record, TTLs included, and the journal (JDBC, on the Flyway schema) holds each
 * change once with what the zone really held before and after it.
 */
class DnsStepCrashIT {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  private static final Duration RESUME_DELAY = Duration.ofMinutes(1);
  private static final long ORIGINAL_MX_TTL = 86400;
  private static final MxTarget TARGET =
      new MxTarget(0, "example-test.mail.protection.outlook.com");

  /** Every record set the runbook touches, and some it must leave alone. */
  private static final List<String> RECORD_SETS =
      List.of(
          "example.test MX",
          "example.test TXT",
          "example.test NS",
          "example.test A",
          "autodiscover.example.test A",
          "autodiscover.example.test AAAA",
          "autodiscover.example.test TXT",
          "autodiscover.example.test MX",
          "autodiscover.example.test CNAME",
          "mail.example.test A",
          "ns1.example.test A");

  /** The runbook's steps that change the zone, in the model's order. */
  enum Step {
    LOWER_MX_TTL((steps, m) -> steps.mx().lowerMxTtl(m)),
    SWAP_MX((steps, m) -> steps.mx().swapMx(m)),
    AUTODISCOVER((steps, m) -> steps.autodiscover().createAutodiscover(m)),
    SPF((steps, m) -> steps.spf().mergeSpf(m)),
    RESTORE_MX_TTL((steps, m) -> steps.mx().restoreMxTtl(m));

    final BiFunction<DnsRunbookSteps, DnsMigration, StepResult> run;

    Step(BiFunction<DnsRunbookSteps, DnsMigration, StepResult> run) {
      this.run = run;
    }
  }

  /** Where the process dies: right after the n-th zone update of a step (null: the rollback). */
  enum Kill {
    LOWER_MX_TTL(Step.LOWER_MX_TTL, 1),
    SWAP_MX(Step.SWAP_MX, 1),
    AUTODISCOVER_CLEAR(Step.AUTODISCOVER, 1),
    AUTODISCOVER_CNAME(Step.AUTODISCOVER, 2),
    SPF(Step.SPF, 1),
    RESTORE_MX_TTL(Step.RESTORE_MX_TTL, 1),
    ROLLBACK(null, 1);

    final Step step;
    final int update;

    Kill(Step step, int update) {
      this.step = step;
      this.update = update;
    }
  }

  /** One journal entry as the test compares it. */
  record Entry(
      DnsStep step,
      String name,
      RecordType type,
      Optional<RecordSet> before,
      Optional<RecordSet> after) {}

  @TempDir Path dir;
  private BindServer bind;
  private JdbcDnsChangeJournal journal;
  private TransactionTemplate job;
  private final MutableClock clock = new MutableClock(START);

  @BeforeEach
  void start() throws Exception {
    bind = BindServer.start(dir, "example.test", DnsStepsFixture.ZONE);
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource);
    journal = new JdbcDnsChangeJournal(dataSource, transactions);
    job = new TransactionTemplate(transactions);
  }

  @AfterEach
  void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  @ParameterizedTest
  @EnumSource(Kill.class)
  void aStepKilledAfterItsZoneUpdateResumesAndTheCancelRestoresEveryRecord(Kill kill) {
    Map<String, Optional<RecordSet>> original = snapshot();
    List<Entry> expected = new ArrayList<>();
    for (Step step : Step.values()) {
      if (step == Step.SWAP_MX) {
        waitForTheOldTtlSinceItWasLowered();
      }
      Map<String, Optional<RecordSet>> before = snapshot();
      if (step == kill.step) {
        killAndResume(step, kill.update);
      } else {
        assertThat(inJob(step, zone())).isInstanceOf(StepResult.Done.class);
      }
      expected.addAll(changes(step, before, snapshot()));
      if (step == kill.step) {
        break;
      }
    }
    assertThat(entries()).as("journal before the cancel").isEqualTo(expected);
    assertThat(journal.changes("m-1")).allSatisfy(c -> assertThat(c.applied()).isTrue());

    if (kill == Kill.ROLLBACK) {
      assertThatThrownBy(
              () -> inJob(steps().rollback()::rollback, new DyingZone(zone(), kill.update)))
          .isInstanceOf(DyingZone.ProcessDeath.class);
      clock.advance(RESUME_DELAY);
    }
    StepResult cancelled = inJob(steps().rollback()::rollback, zone());

    assertThat(cancelled).as(describe(cancelled)).isInstanceOf(StepResult.Done.class);
    assertThat(snapshot()).isEqualTo(original);
    assertThat(entries()).as("journal after the cancel").isEqualTo(expected);
    assertThat(journal.changes("m-1")).allSatisfy(c -> assertThat(c.rolledBack()).isTrue());
  }

  /**
   * The step dies right after its update reached BIND; the journal then holds its intent, not yet
   * confirmed (what the API shows until the step runs again a minute later and confirms it).
   */
  private void killAndResume(Step step, int update) {
    Instant killedAt = clock.instant();
    assertThatThrownBy(() -> inJob(step, new DyingZone(zone(), update)))
        .isInstanceOf(DyingZone.ProcessDeath.class);
    DnsChange open = journal.changes("m-1").get(journal.changes("m-1").size() - 1);
    assertThat(open.applied()).as(open.describe()).isFalse();
    assertThat(open.requestedAt()).isEqualTo(killedAt);

    clock.advance(RESUME_DELAY);
    assertThat(inJob(step, zone())).isInstanceOf(StepResult.Done.class);

    DnsChange confirmed =
        journal.changes("m-1").stream().filter(c -> c.id() == open.id()).findFirst().orElseThrow();
    // Confirmed when seen in the zone, never earlier: waits counted from it are never cut short.
    assertThat(confirmed.appliedAt()).contains(killedAt.plus(RESUME_DELAY));
    assertThat(confirmed.before()).isEqualTo(open.before());
  }

  /** The swap is refused until one original TTL after the lowered TTL was confirmed. */
  private void waitForTheOldTtlSinceItWasLowered() {
    DnsChange lowered =
        journal.changes("m-1").stream()
            .filter(c -> c.step() == DnsStep.LOWER_MX_TTL)
            .findFirst()
            .orElseThrow();
    assertThat(lowered.before().orElseThrow().ttl()).isEqualTo(ORIGINAL_MX_TTL);
    Instant safe = lowered.appliedAt().orElseThrow().plusSeconds(ORIGINAL_MX_TTL);
    clock.set(safe.minusSeconds(1));
    assertThat(inJob(Step.SWAP_MX, zone())).isInstanceOf(StepResult.NotYet.class);
    clock.set(safe);
  }

  /** What a step changed, as its journal entries should say. */
  private static List<Entry> changes(
      Step step, Map<String, Optional<RecordSet>> before, Map<String, Optional<RecordSet>> after) {
    List<Entry> entries = new ArrayList<>();
    for (String key : RECORD_SETS) {
      if (!before.get(key).equals(after.get(key))) {
        String[] parts = key.split(" ");
        RecordType type = RecordType.valueOf(parts[1]);
        entries.add(
            new Entry(
                journalStep(step, type),
                DnsNames.absolute(parts[0]),
                type,
                before.get(key),
                after.get(key)));
      }
    }
    // The Autodiscover step clears the name before it sets the CNAME.
    entries.sort(
        (a, b) -> Boolean.compare(a.type() == RecordType.CNAME, b.type() == RecordType.CNAME));
    return entries;
  }

  private static DnsStep journalStep(Step step, RecordType type) {
    if (step == Step.AUTODISCOVER) {
      return type == RecordType.CNAME ? DnsStep.AUTODISCOVER_CNAME : DnsStep.AUTODISCOVER_CLEAR;
    }
    return DnsStep.valueOf(step.name());
  }

  private List<Entry> entries() {
    return journal.changes("m-1").stream()
        .map(c -> new Entry(c.step(), c.name(), c.type(), c.before(), c.after()))
        .toList();
  }

  private Map<String, Optional<RecordSet>> snapshot() {
    Map<String, Optional<RecordSet>> sets = new LinkedHashMap<>();
    DnsZone zone = zone();
    for (String key : RECORD_SETS) {
      String[] parts = key.split(" ");
      ZoneRead read = zone.read(parts[0], RecordType.valueOf(parts[1]));
      assertThat(read.known()).as(read.describe()).isPresent();
      sets.put(key, read.known().get());
    }
    return sets;
  }

  /** A step in a job's transaction, as the engine runs it. */
  private StepResult inJob(Step step, DnsZone zone) {
    return inJob(m -> step.run.apply(steps(), m), zone);
  }

  private StepResult inJob(
      java.util.function.Function<DnsMigration, StepResult> step, DnsZone zone) {
    return job.execute(status -> step.apply(migration(zone)));
  }

  private DnsRunbookSteps steps() {
    DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 2);
    Resolvers resolvers = new Resolvers(List.of(bind.server()));
    DnsLookups lookups =
        new DnsLookups(query, new ZoneServers(query, resolvers, List.of(bind.server())), resolvers);
    return new DnsRunbookSteps(journal, lookups, DnsRunbookRules.microsoft365(), clock);
  }

  private DnsMigration migration(DnsZone zone) {
    return new DnsMigration(
        "m-1",
        "example.test",
        zone,
        "MS=ms12345678",
        List.of(TARGET),
        true,
        List.of(bind.server()));
  }

  private DnsZone zone() {
    return new Rfc2136Zone("example.test", bind.server(), bind.key(), Duration.ofSeconds(5));
  }

  private static String describe(StepResult result) {
    return result.toString();
  }
}
