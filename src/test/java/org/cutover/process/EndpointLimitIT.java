package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cutover.migration.ConnectionSecurity;
import org.cutover.migration.DnsMode;
import org.cutover.migration.DnsSettings;
import org.cutover.migration.ImapAuth;
import org.cutover.migration.ImapEndpoint;
import org.cutover.migration.MailboxEntry;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.NewMigration;
import org.cutover.migration.PassWatch;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TargetSettings;
import org.cutover.migration.TargetType;
import org.cutover.secrets.SecretText;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.PrivatePostgres;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.KitLogin;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An endpoint's limit of mailboxes at once holds for two workers on one PostgreSQL together, with
 * Dovecot as source and target. Observed twice: passes counted around the sync engine, and the
 * slots held in the database sampled while the batch runs.
 */
@SpringBootTest(
    properties = {
      "cutover.worker.enabled=false", // the two workers under test are started by the test
      "cutover.worker.lease-duration=PT6S",
      "cutover.worker.endpoint-wait=PT2S", // passes without a slot also hand their task back
      "cutover.worker.endpoint-retry=PT1S",
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=9",
      "cutover.letters.from=it@limit.test",
      "cutover.letters.administrator-email=admin@limit.test"
    })
@ActiveProfiles("test")
@DirtiesContext
class EndpointLimitIT {

  static final String PROCESS = "endpoint-limit-probe";
  static final int LIMIT = 2;
  static final int MAILBOXES = 8;

  static Path work;
  static PrivatePostgres postgres;
  static DovecotServer source;
  static DovecotServer target;

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry registry) throws Exception {
    postgres = PrivatePostgres.start();
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("spring.datasource.username", postgres::username);
    registry.add("spring.datasource.password", postgres::password);
  }

  @BeforeAll
  static void mailServers() throws IOException {
    work = Files.createTempDirectory("cutover-limit");
    source =
        DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(MAILBOXES));
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(1));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(MAILBOXES, 150, 23));
  }

  @AfterAll
  static void stopMailServers() {
    DovecotServer.stopAll(new ArrayList<>(java.util.Arrays.asList(source, target)));
  }

  @Autowired ProcessEngine engine;
  @Autowired MigrationRegistration registration;
  @Autowired MailboxSyncRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired PassCounter counter;

  @Test
  void twoWorkersNeverRunMorePassesAgainstAServerThanItsLimit() throws Exception {
    deployProbeProcess();
    String migrationId = batch("limit.test");
    SyncWorkerLoop a = loop("worker-a");
    SyncWorkerLoop b = loop("worker-b");
    AtomicInteger slotPeak = new AtomicInteger();
    java.util.Set<String> slotHolders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    sampler.scheduleWithFixedDelay(
        () -> {
          slotPeak.accumulateAndGet(slotsHeld(), Math::max);
          slotHolders.addAll(
              jdbc.sql("SELECT DISTINCT worker FROM endpoint_slot").query(String.class).list());
        },
        0,
        20,
        TimeUnit.MILLISECONDS);

    a.start();
    b.start();
    try {
      await().atMost(Duration.ofMinutes(5)).until(() -> running(migrationId) == 0);
    } finally {
      a.stop();
      b.stop();
      sampler.shutdownNow();
    }

    assertThat(counter.peak.get()).as("passes running at one moment").isEqualTo(LIMIT);
    assertThat(slotPeak.get()).as("slots of one server held at one moment").isBetween(1, LIMIT);
    assertThat(slotHolders).as("workers seen holding slots").contains("worker-a", "worker-b");
    assertThat(statuses(migrationId)).hasSize(MAILBOXES).containsOnly("SYNCED");
    assertThat(jdbc.sql("SELECT count(*) FROM endpoint_slot").query(Long.class).single())
        .as("slots left behind")
        .isZero();
    Fidelity.Result comparison = compare();
    assertThat(comparison.identical()).as(comparison.output()).isTrue();
  }

  // ------------------------------------------------------------------------------------------

  private SyncWorkerLoop loop(String workerId) {
    MailboxSyncWorker worker =
        new MailboxSyncWorker(runner, Duration.ofMinutes(5), Clock.systemUTC());
    return new SyncWorkerLoop(
        new EngineTaskSource(
            engine.getExternalTaskService(), workerId, Duration.ofMillis(100), worker.clock()),
        worker,
        3);
  }

  /** The most slots held now of either server: each must stay within its limit. */
  private int slotsHeld() {
    return jdbc.sql(
            "SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM endpoint_slot WHERE"
                + " expires_at >= :now GROUP BY endpoint_key) held")
        .param("now", OffsetDateTime.now(ZoneOffset.UTC))
        .query(Integer.class)
        .single();
  }

  private long running(String migrationId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(migrationId)
        .count();
  }

  private List<String> statuses(String migrationId) {
    return jdbc.sql("SELECT status FROM mailbox WHERE migration_id = :m")
        .param("m", migrationId)
        .query(String.class)
        .list();
  }

  private void deployProbeProcess() {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .startEvent()
                .serviceTask("sync")
                .camundaExternalTask(TaskSource.TOPIC)
                .endEvent()
                .done())
        .deploy();
  }

  private Fidelity.Result compare() {
    KitLogin admin = KitLogin.parse("authzid:admin:admin-pass");
    return Fidelity.compare(
        new Fidelity.Side("127.0.0.1", source.port(), false, admin),
        new Fidelity.Side("127.0.0.1", target.port(), false, admin),
        IntStream.rangeClosed(1, MAILBOXES).mapToObj(i -> "user" + i + "@limit.test").toList(),
        Map.of(),
        true,
        false);
  }

  /** A migration of the corpus users to fresh target accounts, one task per mailbox. */
  private String batch(String domain) throws IOException {
    List<MailboxEntry> mailboxes = new ArrayList<>();
    for (int i = 1; i <= MAILBOXES; i++) {
      String address = "user" + i + "@" + domain;
      account(target, address);
      account(source, address);
      Files.createSymbolicLink(source.dir().resolve("mail").resolve(address), Path.of("user" + i));
      mailboxes.add(new MailboxEntry(address, null, null));
    }
    String last = "user" + MAILBOXES + "@" + domain;
    for (DovecotServer server : List.of(source, target)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> server.doveadm("user", last).exit() == 0);
    }
    String migrationId = registration.register(migration(domain, mailboxes)).migrationId();
    List<String> ids =
        jdbc.sql("SELECT id FROM mailbox WHERE migration_id = :m ORDER BY position")
            .param("m", migrationId)
            .query(String.class)
            .list();
    for (String id : ids) {
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              PROCESS,
              migrationId,
              Map.of("migrationId", migrationId, "mailboxId", id, "syncMode", "INITIAL"));
    }
    return migrationId;
  }

  private static void account(DovecotServer server, String login) throws IOException {
    Files.writeString(
        server.dir().resolve("users"),
        login + ":{PLAIN}pass-" + login + "::::::\n",
        StandardOpenOption.APPEND);
  }

  private static NewMigration migration(String domain, List<MailboxEntry> mailboxes) {
    return new NewMigration(
        domain,
        "wave-1",
        mailboxes,
        endpoint(source.port()),
        new TargetSettings(
            TargetType.IMAP,
            null,
            null,
            null,
            null,
            null,
            null,
            endpoint(target.port()),
            List.of("10 mx." + domain)),
        new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, false, null),
        "en",
        false,
        null);
  }

  private static ImapEndpoint endpoint(int port) {
    return new ImapEndpoint(
        "127.0.0.1",
        port,
        ConnectionSecurity.PLAINTEXT,
        true,
        ImapAuth.DELEGATED_ADMIN,
        "admin",
        SecretText.of("admin-pass"),
        null,
        null,
        LIMIT);
  }

  /** Counts the passes running at once, and which workers ran them. */
  static final class PassCounter implements MailboxSyncEngine {
    private final MailboxSyncEngine engine;
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    PassCounter(MailboxSyncEngine engine) {
      this.engine = engine;
    }

    @Override
    public void testSourceEndpoint(String migrationId) {
      engine.testSourceEndpoint(migrationId);
    }

    @Override
    public org.cutover.migration.PreflightRound checkMailboxes(
        String migrationId, boolean fromStart) {
      return engine.checkMailboxes(migrationId, fromStart);
    }

    @Override
    public MailboxSyncReport sync(String mailboxId, SyncMode mode, PassWatch watch) {
      peak.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        return engine.sync(mailboxId, mode, watch);
      } finally {
        now.decrementAndGet();
      }
    }
  }

  @TestConfiguration
  static class Counting {
    /** The database goes when the application that uses it has closed. */
    @Bean
    DisposableBean stopPostgresLast() {
      return () -> {
        if (postgres != null) {
          postgres.close();
        }
      };
    }

    @Bean
    @Primary
    PassCounter passCounter(@Qualifier("imapMailboxSyncEngine") MailboxSyncEngine real) {
      return new PassCounter(real);
    }
  }
}
