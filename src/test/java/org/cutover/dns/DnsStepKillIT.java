package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.cutover.migration.JdbcDnsChangeJournal;
import org.cutover.testsupport.MutableClock;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The MX swap run by a process of its own ({@link DnsStepProcess}) that is killed with SIGKILL
 * right after its update reached a real BIND 9, before its job transaction commits; the H2 file
 * database is then opened again as after a restart, the swap runs again and the migration is
 * cancelled.
 */
class DnsStepKillIT {

  private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

  @TempDir Path dir;
  private BindServer bind;
  private Process child;
  private String url;

  @BeforeEach
  void start() throws Exception {
    bind = BindServer.start(dir, "example.test", DnsStepsFixture.ZONE);
    // As the application's default database: a file, each commit written at once.
    url = "jdbc:h2:file:" + dir.resolve("cutover").toAbsolutePath() + ";WRITE_DELAY=0";
    Flyway.configure()
        .dataSource(url, "sa", "")
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (child != null && child.isAlive()) {
      child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (bind != null) {
      bind.close();
    }
  }

  @Test
  void aSwapKilledAfterItsZoneUpdateIsFinishedOnceAndCancelledToTheOriginalRecords()
      throws Exception {
    RecordSet original = read(RecordType.MX).orElseThrow();
    MutableClock clock = new MutableClock(START);
    assertThat(steps(clock).mx().lowerMxTtl(migration())).isInstanceOf(StepResult.Done.class);
    RecordSet lowered = read(RecordType.MX).orElseThrow();
    Instant swapAt = START.plusSeconds(original.ttl());

    killedRightAfterTheZoneUpdate("SWAP_MX", swapAt);

    DnsChange open = journal().changes("m-1").get(1);
    assertThat(open.step()).isEqualTo(DnsStep.SWAP_MX);
    assertThat(open.applied()).isFalse();
    assertThat(open.before()).contains(lowered);
    RecordSet swapped = read(RecordType.MX).orElseThrow();
    assertThat(swapped.values()).containsExactly("0 example-test.mail.protection.outlook.com.");

    clock.set(swapAt.plus(Duration.ofMinutes(1)));
    assertThat(inJob(clock, (steps, m) -> steps.mx().swapMx(m)))
        .isInstanceOf(StepResult.Done.class);
    assertThat(steps(clock).mx().switchedAt("m-1")).contains(swapAt.plus(Duration.ofMinutes(1)));
    assertThat(journal().changes("m-1"))
        .extracting(DnsChange::step, DnsChange::before, DnsChange::after)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                DnsStep.LOWER_MX_TTL, Optional.of(original), Optional.of(lowered)),
            org.assertj.core.groups.Tuple.tuple(
                DnsStep.SWAP_MX, Optional.of(lowered), Optional.of(swapped)));

    assertThat(inJob(clock, (steps, m) -> steps.rollback().rollback(m)))
        .isInstanceOf(StepResult.Done.class);

    assertThat(read(RecordType.MX)).contains(original);
    assertThat(journal().changes("m-1")).allSatisfy(c -> assertThat(c.rolledBack()).isTrue());
  }

  /** Starts the step in a child JVM and kills it (SIGKILL) once BIND holds its change. */
  private void killedRightAfterTheZoneUpdate(String step, Instant at) throws Exception {
    Path output = dir.resolve("child.log");
    TsigKey key = bind.key();
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(DnsStepProcess.class.getName());
    command.add(url);
    command.add(String.valueOf(bind.server().address().getPort()));
    command.add(key.name());
    command.add(key.algorithm());
    command.add(key.secret().get());
    command.add(at.toString());
    command.add(step);
    child =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    Awaitility.await("the child process's zone update")
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              String log = Files.readString(output);
              assertThat(child.isAlive()).as("child process alive; its output:\n" + log).isTrue();
              return log.contains(DnsStepProcess.UPDATED);
            });
    child.destroyForcibly();
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);
  }

  private StepResult inJob(
      MutableClock clock,
      java.util.function.BiFunction<DnsRunbookSteps, DnsMigration, StepResult> step) {
    JdbcDataSource dataSource = dataSource();
    return new TransactionTemplate(new DataSourceTransactionManager(dataSource))
        .execute(status -> step.apply(steps(clock), migration()));
  }

  private JdbcDataSource dataSource() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(url);
    dataSource.setUser("sa");
    return dataSource;
  }

  private JdbcDnsChangeJournal journal() {
    return new JdbcDnsChangeJournal(dataSource());
  }

  private DnsRunbookSteps steps(MutableClock clock) {
    DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 2);
    Resolvers resolvers = new Resolvers(List.of(bind.server()));
    DnsLookups lookups =
        new DnsLookups(query, new ZoneServers(query, resolvers, List.of(bind.server())), resolvers);
    return new DnsRunbookSteps(journal(), lookups, DnsRunbookRules.microsoft365(), clock);
  }

  private DnsMigration migration() {
    return new DnsMigration(
        "m-1",
        "example.test",
        zone(),
        "MS=ms12345678",
        List.of(new MxTarget(0, "example-test.mail.protection.outlook.com")),
        true,
        List.of(bind.server()));
  }

  private DnsZone zone() {
    return new Rfc2136Zone("example.test", bind.server(), bind.key(), Duration.ofSeconds(5));
  }

  private Optional<RecordSet> read(RecordType type) {
    return zone().read("example.test", type).known().orElseThrow();
  }
}
