package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cutover.mailsync.SyncProgress;
import org.cutover.migration.ConnectionSecurity;
import org.cutover.migration.DnsMode;
import org.cutover.migration.DnsSettings;
import org.cutover.migration.ImapAuth;
import org.cutover.migration.ImapEndpoint;
import org.cutover.migration.MailboxBusy;
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
import org.cutover.migration.TaskLock;
import org.cutover.secrets.SecretText;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.PrivatePostgres;
import org.cutover.testsupport.kit.Command;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.KitLogin;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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
 * The batch engine on real servers: PostgreSQL for the engine and our tables, Dovecot as source and
 * target. Which passes run at the same moment is observed around the sync engine itself, inside the
 * mailbox lease: every pass is counted when it starts and when it ends.
 */
@SpringBootTest(
    properties = {
      "cutover.worker.enabled=false", // the workers under test are started by the tests
      "cutover.worker.lease-duration=PT6S",
      "cutover.mailsync.parallel-folders=1", // one writer per pass: the stop is exact
      // registration asks for every capability; no letter is sent in these tests
      "spring.mail.host=127.0.0.1",
      "spring.mail.port=9",
      "cutover.letters.from=it@batch.test",
      "cutover.letters.administrator-email=admin@batch.test"
    })
@ActiveProfiles("test")
@DirtiesContext
class BatchSyncIT {

  static final String PROCESS = "batch-sync-probe";

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
    work = Files.createTempDirectory("cutover-batch");
    source = DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(20));
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(1));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(20, 120, 16));
  }

  @AfterAll
  static void stopMailServers() {
    DovecotServer.stopAll(new ArrayList<>(java.util.Arrays.asList(source, target)));
  }

  @Autowired ProcessEngine engine;
  @Autowired MigrationRegistration registration;
  @Autowired MailboxSyncRunner runner;
  @Autowired JdbcClient jdbc;
  @Autowired PassProbe probe;

  @BeforeEach
  void deployProbeProcess() {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS)
            .count()
        == 0) {
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
    probe.reset();
  }

  @Test
  void oneNodeSyncsSeveralMailboxesAtOnceAndNeverMoreThanItsSlots() throws Exception {
    Batch batch = batch("parallel.test", 6);
    SyncWorkerLoop node = loop("node-a", worker(Duration.ofMinutes(5)), 4, Duration.ofMillis(200));

    node.start();
    try {
      await().atMost(Duration.ofMinutes(3)).until(() -> batch.running() == 0);
    } finally {
      node.stop();
    }

    assertThat(probe.peak.get()).as("passes observed at one moment").isBetween(2, 4);
    assertThat(probe.overlaps).isEmpty();
    assertThat(batch.statuses()).containsOnly("SYNCED");
    assertThat(leases(batch)).isZero();
    Fidelity.Result comparison = compare(batch);
    assertThat(comparison.identical()).as(comparison.output()).isTrue();
  }

  @Test
  void aPassWhoseLeaseIsTakenStopsBeforeItsNextAppendAndLeavesItsTask() throws Exception {
    Batch batch = batch("stolen.test", 1);
    String mailboxId = batch.mailboxIds.get(0);
    AtomicReference<Long> copiedWhenStolen = new AtomicReference<>();
    probe.onProgress =
        progress -> {
          if (progress.messagesCopied() > 0 && copiedWhenStolen.get() == null) {
            copiedWhenStolen.set(progress.messagesCopied());
            jdbc.sql(
                    "UPDATE mailbox_lease SET owner = 'intruder', worker = 'intruder' WHERE"
                        + " mailbox_id = :id")
                .param("id", mailboxId)
                .update();
          }
        };
    MailboxSyncWorker worker = worker(Duration.ofMinutes(5));
    TaskSource tasks = source("node-a", worker);
    List<SyncTask> locked = tasks.fetchAndLock(1, worker.lockDuration());

    worker.execute(locked.get(0), tasks);

    assertThat(copiedWhenStolen.get()).as("the lease was taken during the pass").isNotNull();
    assertThat(targetMessages(batch.address(0)))
        .as("messages on the target: those copied before the lease was lost, none after")
        .isEqualTo(copiedWhenStolen.get());
    assertThat(copiedWhenStolen.get()).isLessThan(120);
    String error =
        jdbc.sql("SELECT last_error FROM mailbox WHERE id = :id")
            .param("id", mailboxId)
            .query(String.class)
            .single();
    assertThat(error).contains("lease").contains("intruder");
    assertThat(batch.running()).as("the task is not completed").isEqualTo(1);
  }

  @Test
  void aPassWhoseTaskLockIsForcedToExpireStopsBeforeItsNextAppendAndLeavesItsTask()
      throws Exception {
    Batch batch = batch("expired.test", 1);
    String mailboxId = batch.mailboxIds.get(0);
    ShiftedClock clock = new ShiftedClock();
    MailboxSyncWorker worker = new MailboxSyncWorker(runner, Duration.ofMinutes(5), clock);
    TaskSource tasks =
        new EngineTaskSource(engine.getExternalTaskService(), "node-a", Duration.ZERO, clock);
    SyncTask task = tasks.fetchAndLock(1, worker.lockDuration()).get(0);
    AtomicReference<Long> copiedAtExpiry = new AtomicReference<>();
    probe.onProgress =
        progress -> {
          if (progress.messagesCopied() > 0 && copiedAtExpiry.get() == null) {
            copiedAtExpiry.set(progress.messagesCopied());
            // The engine's lock runs out now, and a minute passes for the worker: its next
            // renewal is due before its next write.
            jdbc.sql("UPDATE act_ru_ext_task SET lock_exp_time_ = :past WHERE id_ = :id")
                .param("past", java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)))
                .param("id", task.id())
                .update();
            clock.shift(Duration.ofMinutes(1));
          }
        };

    worker.execute(task, tasks);

    assertThat(copiedAtExpiry.get()).as("the lock expired during the pass").isNotNull();
    assertThat(targetMessages(batch.address(0)))
        .as("messages on the target: those copied before the lock expired, none after")
        .isEqualTo(copiedAtExpiry.get());
    assertThat(copiedAtExpiry.get()).isLessThan(120);
    String error =
        jdbc.sql("SELECT last_error FROM mailbox WHERE id = :id")
            .param("id", mailboxId)
            .query(String.class)
            .single();
    assertThat(error).contains("refused to extend the lock");
    assertThat(leases(batch)).as("the lease is released").isZero();
    TaskSource other =
        new EngineTaskSource(
            engine.getExternalTaskService(), "node-b", Duration.ZERO, java.time.Clock.systemUTC());
    List<SyncTask> again = other.fetchAndLock(10, Duration.ofMinutes(5));
    assertThat(again)
        .as("the task, neither completed nor failed, is free for another worker")
        .extracting(SyncTask::id)
        .contains(task.id());
    engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(batch.migrationId)
        .list()
        .forEach(i -> engine.getRuntimeService().deleteProcessInstance(i.getId(), "test done"));
  }

  @Test
  void twoWorkersOnOneDatabaseNeverRunTwoPassesOnOneMailbox() throws Exception {
    Batch batch = batch("twonodes.test", 20);
    // Worker A holds its tasks with a lock of 0.2 s and never really extends it (as a worker that
    // lost the engine would): worker B fetches them while A's passes still run.
    MailboxSyncWorker careless = worker(Duration.ofMillis(200));
    TaskSource carelessSource = new ExtensionsLost(source("node-a", careless));
    SyncWorkerLoop a = new SyncWorkerLoop(carelessSource, careless, 4);
    SyncWorkerLoop b = loop("node-b", worker(Duration.ofMinutes(5)), 4, Duration.ofMillis(100));

    a.start();
    b.start();
    try {
      await().atMost(Duration.ofMinutes(5)).until(() -> batch.running() == 0);
    } finally {
      a.stop();
      b.stop();
    }

    assertThat(probe.busy.get()).as("passes refused for a mailbox another pass held").isPositive();
    assertThat(probe.overlaps).as("mailboxes synced by two passes at once").isEmpty();
    assertThat(probe.peak.get()).isGreaterThan(1);
    assertThat(batch.statuses()).containsOnly("SYNCED");
    assertThat(leases(batch)).isZero();
    Fidelity.Result comparison = compare(batch);
    assertThat(comparison.identical()).as(comparison.output()).isTrue();
  }

  // ------------------------------------------------------------------------------------------

  /** A worker of the application's runner, counting the passes refused for a busy mailbox. */
  private MailboxSyncWorker worker(Duration lock) {
    MailboxSyncRunner counting =
        new MailboxSyncRunner() {
          @Override
          public MailboxSyncReport run(String mailboxId, SyncMode mode, TaskLock taskLock) {
            try {
              return runner.run(mailboxId, mode, taskLock);
            } catch (MailboxBusy busy) {
              probe.busy.incrementAndGet();
              throw busy;
            }
          }

          @Override
          public void markFailed(String mailboxId, String error) {
            runner.markFailed(mailboxId, error);
          }
        };
    return new MailboxSyncWorker(counting, lock, Clock.systemUTC());
  }

  private TaskSource source(String workerId, MailboxSyncWorker worker) {
    return new EngineTaskSource(
        engine.getExternalTaskService(), workerId, Duration.ofMillis(100), worker.clock());
  }

  private SyncWorkerLoop loop(String workerId, MailboxSyncWorker worker, int slots, Duration poll) {
    return new SyncWorkerLoop(
        new EngineTaskSource(engine.getExternalTaskService(), workerId, poll, worker.clock()),
        worker,
        slots);
  }

  /** Leases still held on the batch's mailboxes. */
  private long leases(Batch batch) {
    return jdbc.sql("SELECT count(*) FROM mailbox_lease WHERE mailbox_id IN (:ids)")
        .param("ids", batch.mailboxIds)
        .query(Long.class)
        .single();
  }

  /** Source and target of the batch's users, both read through the master user. */
  private Fidelity.Result compare(Batch batch) {
    KitLogin admin = KitLogin.parse("authzid:admin:admin-pass");
    return Fidelity.compare(
        new Fidelity.Side("127.0.0.1", source.port(), false, admin),
        new Fidelity.Side("127.0.0.1", target.port(), false, admin),
        List.of(batch.users().split(",")),
        Map.of(),
        true,
        false);
  }

  private long targetMessages(String user) {
    Command.Run r = target.doveadm("search", "-u", user, "ALL");
    assertThat(r.exit()).as(r.output()).isZero();
    return r.output().lines().filter(l -> !l.isBlank()).count();
  }

  /** A migration of {@code count} corpus users to fresh target accounts, one task per mailbox. */
  private Batch batch(String domain, int count) throws IOException {
    List<MailboxEntry> mailboxes = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      String address = "user" + i + "@" + domain;
      account(target, address);
      // on the source the address is another name for the corpus user's mail
      account(source, address);
      Files.createSymbolicLink(source.dir().resolve("mail").resolve(address), Path.of("user" + i));
      mailboxes.add(new MailboxEntry(address, null, null));
    }
    // Dovecot reads its users file again at most once a second: wait until both servers know
    // the accounts just added, or a login in the same second as the last read finds no user.
    String last = "user" + count + "@" + domain;
    for (DovecotServer server : List.of(source, target)) {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> server.doveadm("user", last).exit() == 0);
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
    return new Batch(migrationId, domain, ids);
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
        null);
  }

  private final class Batch {
    final String migrationId;
    final String domain;
    final List<String> mailboxIds;

    Batch(String migrationId, String domain, List<String> mailboxIds) {
      this.migrationId = migrationId;
      this.domain = domain;
      this.mailboxIds = mailboxIds;
    }

    String address(int index) {
      return "user" + (index + 1) + "@" + domain;
    }

    long running() {
      return engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(migrationId)
          .count();
    }

    List<String> statuses() {
      return jdbc.sql("SELECT status FROM mailbox WHERE migration_id = :m")
          .param("m", migrationId)
          .query(String.class)
          .list();
    }

    String users() {
      return String.join(
          ",",
          IntStream.rangeClosed(1, mailboxIds.size())
              .mapToObj(i -> "user" + i + "@" + domain)
              .toList());
    }
  }

  /** The system clock, moved ahead by the test while passes read it on other threads. */
  private static final class ShiftedClock extends Clock {
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    void shift(Duration by) {
      offset.updateAndGet(o -> o.plus(by));
    }

    @Override
    public java.time.Instant instant() {
      return java.time.Instant.now().plus(offset.get());
    }

    @Override
    public java.time.ZoneId getZone() {
      return java.time.ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  /** A worker's task source whose lock extensions silently reach nobody. */
  private record ExtensionsLost(TaskSource delegate) implements TaskSource {
    @Override
    public String workerId() {
      return delegate.workerId();
    }

    @Override
    public List<SyncTask> fetchAndLock(int maxTasks, Duration lock) {
      return delegate.fetchAndLock(maxTasks, lock);
    }

    @Override
    public Duration idleWait() {
      return delegate.idleWait();
    }

    @Override
    public void complete(String taskId, Map<String, Object> localVariables) {
      delegate.complete(taskId, localVariables);
    }

    @Override
    public void handleFailure(String taskId, String message, int retries, Duration retryTimeout) {
      delegate.handleFailure(taskId, message, retries, retryTimeout);
    }

    @Override
    public void extendLock(String taskId, Duration lock) {}
  }

  /** Counts the passes inside the lease: how many at once, and any two on one mailbox. */
  static final class PassProbe implements MailboxSyncEngine {
    private final MailboxSyncEngine engine;
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicInteger busy = new AtomicInteger();
    final Set<String> active = ConcurrentHashMap.newKeySet();
    final List<String> overlaps = java.util.Collections.synchronizedList(new ArrayList<>());
    volatile java.util.function.Consumer<SyncProgress> onProgress = p -> {};

    PassProbe(MailboxSyncEngine engine) {
      this.engine = engine;
    }

    void reset() {
      peak.set(0);
      busy.set(0);
      overlaps.clear();
      onProgress = p -> {};
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
      if (!active.add(mailboxId)) {
        overlaps.add(mailboxId);
      }
      peak.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        return engine.sync(
            mailboxId,
            mode,
            new PassWatch() {
              @Override
              public String stopReason() {
                return watch.stopReason();
              }

              @Override
              public void progress(SyncProgress progress) {
                watch.progress(progress);
                onProgress.accept(progress);
              }
            });
      } finally {
        now.decrementAndGet();
        active.remove(mailboxId);
      }
    }
  }

  @TestConfiguration
  static class Probe {
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
    PassProbe passProbe(@Qualifier("imapMailboxSyncEngine") MailboxSyncEngine real) {
      return new PassProbe(real);
    }
  }
}
