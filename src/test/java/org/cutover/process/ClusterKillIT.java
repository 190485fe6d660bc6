package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.cutover.PackagedJar;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.FreePort;
import org.cutover.testsupport.PrivatePostgres;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.KitLogin;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster of packaged jars on one PostgreSQL: two full nodes and one process of the worker role,
 * each a {@code java -jar} of its own. A batch of mailboxes on Dovecot is synced by all three; one
 * node is killed with SIGKILL while it holds mailbox leases mid-pass. The other node and the worker
 * finish the batch, the target is exact, and the processes' logs show that no mailbox was ever in
 * two passes at once (each pass logs its start and end inside its lease).
 */
class ClusterKillIT {

  private static final String PROCESS = "cluster-sync-probe";
  private static final String DOMAIN = "cluster.test";
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ClusterKillIT.class);
  private static final int MAILBOXES = 24;
  private static final int MESSAGES = 300;
  private static final String ADMIN_PASSWORD = "cluster-admin-password";
  private static final String WORKER_PASSWORD = "cluster-worker-password";
  private static final Pattern PASS_LINE =
      Pattern.compile(
          "^(\\S+)\\s+INFO .* Migration \\S+ mailbox (\\S+): INITIAL pass (started|ended) by"
              + " (\\S+)$");
  private static final String JAVA =
      Path.of(System.getProperty("java.home"), "bin", "java").toString();

  @TempDir Path work;
  private final List<AutoCloseable> cleanUp = new ArrayList<>();

  private PrivatePostgres postgres;
  private DovecotServer source;
  private DovecotServer target;

  @AfterEach
  void stopEverything() throws Exception {
    for (int i = cleanUp.size() - 1; i >= 0; i--) {
      cleanUp.get(i).close();
    }
  }

  @Test
  void twoNodesAndAWorkerFinishABatchExactlyAfterOneNodeIsKilledMidPass() throws Exception {
    postgres = PrivatePostgres.start();
    cleanUp.add(postgres);
    source =
        DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(MAILBOXES));
    cleanUp.add(source);
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(1));
    cleanUp.add(target);
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(MAILBOXES, MESSAGES, 16));
    List<String> users = accounts();

    String secretsKey = randomKey();
    Node node1 = start("node-1", secretsKey, List.of());
    awaitHealthy(node1);
    Node node2 = start("node-2", secretsKey, List.of());
    Node worker =
        start(
            "worker-1",
            secretsKey,
            List.of(
                "--spring.profiles.active=worker",
                "--cutover.worker.engine-rest-url=http://127.0.0.1:"
                    + node2.port
                    + "/engine-rest"));
    awaitHealthy(node2);
    awaitLogged(worker, "Sync worker worker-1 started");

    String migrationId = register(node1, users);
    List<String> mailboxIds =
        query(
            "SELECT id FROM mailbox WHERE migration_id = ? ORDER BY position",
            migrationId,
            rs -> rs.getString(1));
    ProcessEngine engine = probeEngine();
    startBatch(engine, migrationId, mailboxIds);

    // node-1 is killed while it holds leases, once one of its mailboxes has mail on the target
    await("node-1 in the middle of a pass")
        .atMost(Duration.ofMinutes(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> node1.process.isAlive() && copyingOnNode1());
    node1.process.destroyForcibly();
    assertThat(node1.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    Instant killed = Instant.now();
    assertThat(node1.process.exitValue()).as("killed with SIGKILL").isEqualTo(137);

    await("the batch finished by node-2 and the worker")
        .atMost(Duration.ofMinutes(8))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              assertThat(node2.process.isAlive()).as(node2.output()).isTrue();
              assertThat(worker.process.isAlive()).as(worker.output()).isTrue();
              return engine
                      .getRuntimeService()
                      .createProcessInstanceQuery()
                      .processInstanceBusinessKey(migrationId)
                      .processDefinitionKey(PROCESS)
                      .count()
                  == 0;
            });

    assertThat(
            query(
                "SELECT status FROM mailbox WHERE migration_id = ?",
                migrationId,
                rs -> rs.getString(1)))
        .containsOnly("SYNCED");
    assertThat(query("SELECT mailbox_id FROM mailbox_lease", null, rs -> rs.getString(1)))
        .as("leases left")
        .isEmpty();
    Fidelity.Result comparison = compare(users);
    assertThat(comparison.identical()).as(comparison.output()).isTrue();

    Map<String, List<Pass>> passes = new HashMap<>();
    for (Node node : List.of(node1, node2, worker)) {
      passes(node, node == node1 ? killed : null)
          .forEach(p -> passes.computeIfAbsent(p.mailboxId, m -> new ArrayList<>()).add(p));
    }
    assertThat(passes.keySet()).containsExactlyInAnyOrderElementsOf(mailboxIds);
    passes.forEach(
        (mailbox, list) -> {
          for (Pass a : list) {
            for (Pass b : list) {
              if (a != b) {
                assertThat(a.start.isBefore(b.end) && b.start.isBefore(a.end))
                    .as("mailbox %s in two passes at once: %s and %s", mailbox, a, b)
                    .isFalse();
              }
            }
          }
        });
    Set<String> cutOff =
        passes.values().stream()
            .flatMap(List::stream)
            .filter(p -> p.cutOff)
            .map(p -> p.mailboxId)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(cutOff).as("mailboxes node-1 was syncing when it was killed").isNotEmpty();
    for (String mailbox : cutOff) {
      assertThat(passes.get(mailbox))
          .as("mailbox %s taken over after the kill", mailbox)
          .anySatisfy(
              p -> {
                assertThat(p.worker).isNotEqualTo("node-1");
                assertThat(p.start).isAfter(killed);
              });
    }
    String workerLog = worker.output();
    List<String> syncing =
        passes.values().stream().flatMap(List::stream).map(p -> p.worker).toList();
    assertThat(syncing).as("processes that synced mailboxes").contains("node-2");
    // How the mailboxes fall to node-2 and the worker depends on timing; one run on a loaded
    // machine gave the worker none. Its share is logged, with the end of its log when it has none.
    long byWorker = syncing.stream().filter("worker-1"::equals).count();
    LOG.info(
        "Passes by the worker: {} of {}{}",
        byWorker,
        syncing.size(),
        byWorker == 0 ? "; the worker's log ends:\n" + tail(workerLog) : "");
    assertThat(workerLog)
        .as("the worker role runs no web server and no engine")
        .doesNotContain("Tomcat started")
        .doesNotContain("ENGINE-00001");
  }

  private static String tail(String log) {
    return log.length() <= 20_000 ? log : log.substring(log.length() - 20_000);
  }

  // ------------------------------------------------------------------------------------------

  /** One pass as the logs bound it; a pass cut off by the kill ends at the kill. */
  private record Pass(
      String mailboxId, String worker, Instant start, Instant end, boolean cutOff) {}

  private static List<Pass> passes(Node node, Instant killedAt) throws IOException {
    Map<String, Instant> open = new HashMap<>();
    List<Pass> passes = new ArrayList<>();
    for (String line : Files.readAllLines(node.log, StandardCharsets.UTF_8)) {
      Matcher m = PASS_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      Instant at = OffsetDateTime.parse(m.group(1)).toInstant();
      String mailbox = m.group(2);
      assertThat(m.group(4)).isEqualTo(node.name);
      if (m.group(3).equals("started")) {
        assertThat(open.put(mailbox, at)).as("%s started %s twice", node.name, mailbox).isNull();
      } else {
        Instant started = open.remove(mailbox);
        assertThat(started).as("%s ended %s without a start", node.name, mailbox).isNotNull();
        passes.add(new Pass(mailbox, node.name, started, at, false));
      }
    }
    assertThat(killedAt != null || open.isEmpty())
        .as("passes of %s still open: %s", node.name, open)
        .isTrue();
    open.forEach((mailbox, at) -> passes.add(new Pass(mailbox, node.name, at, killedAt, true)));
    return passes;
  }

  /** node-1 holds a lease on a mailbox of which the target already has mail. */
  private boolean copyingOnNode1() throws SQLException {
    List<String> held =
        query(
            "SELECT b.email_address FROM mailbox_lease l JOIN mailbox b ON b.id = l.mailbox_id"
                + " WHERE l.worker = ?",
            "node-1",
            rs -> rs.getString(1));
    for (String address : held) {
      var search = target.doveadm("search", "-u", address, "ALL");
      if (search.exit() == 0 && search.output().lines().anyMatch(l -> !l.isBlank())) {
        return true;
      }
    }
    return false;
  }

  private final class Node {
    final String name;
    final int port;
    final Process process;
    final Path log;

    Node(String name, int port, Process process, Path log) {
      this.name = name;
      this.port = port;
      this.process = process;
      this.log = log;
    }

    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  private Node start(String name, String secretsKey, List<String> extra) throws IOException {
    Path dir = Files.createDirectories(work.resolve(name));
    int port = FreePort.pick();
    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            JAVA,
            "-Xmx512m",
            "-jar",
            PackagedJar.path().toString(),
            "--spring.main.banner-mode=off",
            "--server.port=" + port,
            "--server.address=127.0.0.1",
            "--cutover.worker.id=" + name,
            "--cutover.worker.max-concurrent-mailboxes=4",
            // a killed node's leases and task locks run out soon: its mailboxes are taken over
            "--cutover.worker.lease-duration=PT6S",
            "--cutover.runbook.sync-lock-duration=PT2M",
            // registration asks for every capability; no letter is sent in this test
            "--spring.mail.host=127.0.0.1",
            "--spring.mail.port=9",
            "--cutover.letters.from=it@" + DOMAIN,
            "--cutover.letters.administrator-email=admin@" + DOMAIN,
            "--cutover.letters.client.incoming-server=imap.newmail.test",
            "--cutover.letters.client.outgoing-server=smtp.newmail.test"));
    command.addAll(extra);
    Path log = dir.resolve("out.log");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl());
    env.put("SPRING_DATASOURCE_USERNAME", postgres.username());
    env.put("SPRING_DATASOURCE_PASSWORD", postgres.password());
    env.put("CUTOVER_SECRETS_KEY", secretsKey);
    env.put("CUTOVER_WORKER_PASSWORD", WORKER_PASSWORD);
    env.put("CAMUNDA_BPM_ADMINUSER_ID", "admin");
    env.put("CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD);
    env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
    Process process = builder.start();
    cleanUp.add(
        () -> {
          if (process.isAlive()) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
          }
        });
    return new Node(name, port, process, log);
  }

  private void awaitHealthy(Node node) {
    HttpClient http = HttpClient.newHttpClient();
    await(node.name + " up")
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptionsInstanceOf(IOException.class)
        .until(
            () -> {
              assertThat(node.process.isAlive()).as(node.output()).isTrue();
              HttpResponse<String> health =
                  http.send(
                      HttpRequest.newBuilder(
                              URI.create(
                                  "http://127.0.0.1:" + node.port + "/actuator/health/readiness"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString());
              return health.statusCode() == 200 && health.body().contains("UP");
            });
  }

  private static void awaitLogged(Node node, String text) {
    await(node.name + " logs " + text)
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              String output = node.output();
              assertThat(node.process.isAlive()).as(output).isTrue();
              return output.contains(text);
            });
  }

  /** Registers the migration over node-1's API; its runbook waits at its first task. */
  private String register(Node node, List<String> users) throws Exception {
    String mailboxes =
        users.stream()
            .map(u -> "{\"emailAddress\":\"" + u + "\"}")
            .collect(Collectors.joining(","));
    String body =
        "{\"domain\":\""
            + DOMAIN
            + "\",\"batchName\":\"wave-1\",\"mailboxes\":["
            + mailboxes
            + "],\"source\":"
            + endpoint(source.port())
            + ",\"target\":{\"type\":\"IMAP\",\"endpoint\":"
            + endpoint(target.port())
            + ",\"mxHosts\":[\"10 mx."
            + DOMAIN
            + "\"]},\"dns\":{\"mode\":\"GUIDED\"},\"language\":\"en\"}";
    HttpResponse<String> created =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + node.port + "/api/migrations"))
                    .header("Content-Type", "application/json")
                    .header(
                        "Authorization",
                        "Basic "
                            + Base64.getEncoder()
                                .encodeToString(
                                    ("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    List<String> ids =
        query("SELECT id FROM migration WHERE domain = ?", DOMAIN, rs -> rs.getString(1));
    assertThat(ids).hasSize(1);
    return ids.get(0);
  }

  private static String endpoint(int port) {
    return "{\"host\":\"127.0.0.1\",\"port\":"
        + port
        + ",\"security\":\"PLAINTEXT\",\"allowPlaintext\":true,\"auth\":\"DELEGATED_ADMIN\","
        + "\"adminUser\":\"admin\",\"password\":\"admin-pass\"}";
  }

  /**
   * An engine of the test's own on the cluster's database, without job executor or worker: it
   * deploys a process of one {@code mailbox-sync} task, lets the worker account work it as it works
   * the runbook's, and starts one instance per mailbox.
   */
  private ProcessEngine probeEngine() {
    ProcessEngine engine =
        ProcessEngineConfiguration.createStandaloneProcessEngineConfiguration()
            .setProcessEngineName("cluster-probe")
            .setJdbcDriver("org.postgresql.Driver")
            .setJdbcUrl(postgres.jdbcUrl())
            .setJdbcUsername(postgres.username())
            .setJdbcPassword(postgres.password())
            .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
            .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
            .setJobExecutorActivate(false)
            .buildProcessEngine();
    cleanUp.add(engine::close);
    return engine;
  }

  private static void startBatch(ProcessEngine engine, String migrationId, List<String> ids) {
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
    Authorization grant =
        engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    grant.setUserId("cutoverworker");
    grant.setResource(Resources.PROCESS_DEFINITION);
    grant.setResourceId(PROCESS);
    grant.addPermission(ProcessDefinitionPermissions.READ_INSTANCE);
    grant.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    engine.getAuthorizationService().saveAuthorization(grant);
    for (String id : ids) {
      engine
          .getRuntimeService()
          .startProcessInstanceByKey(
              PROCESS,
              migrationId,
              Map.of("migrationId", migrationId, "mailboxId", id, "syncMode", "INITIAL"));
    }
  }

  /**
   * The migration's mailboxes: on the source another name for each corpus user's mail, on the
   * target a fresh account; both read through the master user {@code admin}.
   */
  private List<String> accounts() throws IOException {
    List<String> users = new ArrayList<>();
    for (int i = 1; i <= MAILBOXES; i++) {
      String address = "user" + i + "@" + DOMAIN;
      account(target, address);
      account(source, address);
      Files.createSymbolicLink(source.dir().resolve("mail").resolve(address), Path.of("user" + i));
      users.add(address);
    }
    // Dovecot reads its users file again at most once a second: wait until both know them all.
    String last = users.get(users.size() - 1);
    for (DovecotServer server : List.of(source, target)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> server.doveadm("user", last).exit() == 0);
    }
    return users;
  }

  private static void account(DovecotServer server, String login) throws IOException {
    Files.writeString(
        server.dir().resolve("users"),
        login + ":{PLAIN}pass-" + login + "::::::\n",
        StandardOpenOption.APPEND);
  }

  private Fidelity.Result compare(List<String> users) {
    KitLogin admin = KitLogin.parse("authzid:admin:admin-pass");
    return Fidelity.compare(
        new Fidelity.Side("127.0.0.1", source.port(), false, admin),
        new Fidelity.Side("127.0.0.1", target.port(), false, admin),
        users,
        Map.of(),
        true,
        false);
  }

  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private <T> List<T> query(String sql, String parameter, Row<T> row) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                postgres.jdbcUrl(), postgres.username(), postgres.password());
        PreparedStatement statement = c.prepareStatement(sql)) {
      if (parameter != null) {
        statement.setString(1, parameter);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          rows.add(row.read(rs));
        }
      }
      return rows;
    }
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }
}
