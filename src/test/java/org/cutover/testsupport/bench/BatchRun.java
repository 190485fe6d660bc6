package org.cutover.testsupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.cutover.testsupport.FreePort;
import org.cutover.testsupport.kit.Fidelity;

/**
 * The batch through the application's runbook: registered over REST, its announcement approved,
 * then watched until every mailbox is synced. Batch start is the first summary (polled every 100
 * ms) whose batch status is SYNCING; its end the first whose mailboxes are all synced or failed.
 * Meanwhile the full {@code GET /api/migrations/{id}}, as a person calls it, is timed every second
 * on a thread of its own.
 */
final class BatchRun {

  private static final Duration POLL = Duration.ofMillis(100);

  private final BatchBench.Settings settings;
  private final BenchServers servers;
  private final Map<String, String> result;

  BatchRun(BatchBench.Settings settings, BenchServers servers, Map<String, String> result) {
    this.settings = settings;
    this.servers = servers;
    this.result = result;
  }

  int run() throws Exception {
    int port = FreePort.pick();
    Path log = settings.work().resolve("application.log");
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", Integer.toString(port));
    properties.put("server.address", "127.0.0.1");
    properties.put("cutover.dns.authoritative-servers", "127.0.0.1:" + servers.dns.port());
    properties.put("cutover.dns.resolvers", "127.0.0.1:" + servers.dns.port());
    properties.put("cutover.dns.approve-changes", "false");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", Integer.toString(servers.smtp.getSmtp().getPort()));
    properties.put("cutover.letters.from", "it@" + BenchServers.DOMAIN);
    properties.put("cutover.letters.administrator-email", "admin@" + BenchServers.DOMAIN);
    properties.put("cutover.letters.client.incoming-server", "imap.newmail.test");
    properties.put("cutover.letters.client.outgoing-server", "smtp.newmail.test");
    if (settings.slots() != 8) {
      properties.put("cutover.worker.max-concurrent-mailboxes", Integer.toString(settings.slots()));
    }
    Map<String, String> environment =
        Map.of(
            "SPRING_DATASOURCE_URL", servers.postgres.jdbcUrl(),
            "SPRING_DATASOURCE_USERNAME", servers.postgres.username(),
            "SPRING_DATASOURCE_PASSWORD", servers.postgres.password());
    BatchBench.say(
        "application: java %s -jar %s, log %s", settings.jvmOptions(), settings.jar(), log);
    Instant launched = Instant.now();
    try (BenchApplication app =
        BenchApplication.start(
            settings.jar(), settings.jvmOptions(), environment, properties, log)) {
      BenchApi api = new BenchApi(port, BenchApplication.ADMIN, BenchApplication.ADMIN_PASSWORD);
      waitUntil("the application answers", Duration.ofMinutes(15), () -> alive(app) && api.up());
      put("app_start_s", BatchBench.seconds(BatchBench.between(launched, Instant.now())));
      String id = register(api);
      approveAnnouncement(api, id);
      return watch(api, app, id);
    }
  }

  private int watch(BenchApi api, BenchApplication app, String id) throws Exception {
    String summary = "/api/migrations/" + id + "?mailboxes=none";
    Instant registered = Instant.now();
    Instant started = null;
    Instant finished = null;
    JsonNode last = null;
    LatencyProbe latency = null;
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    while (finished == null) {
      if (System.nanoTime() > deadline || !app.alive()) {
        BatchBench.say("stopped waiting: %s", last);
        put("error", app.alive() ? "timeout" : "application ended");
        return 1;
      }
      BenchApi.Answer answer = api.get(summary);
      Instant now = Instant.now();
      last = answer.json();
      String batch = last.path("batchStatus").asText();
      if (started == null && !batch.equals("NOT_CREATED") && !batch.equals("CREATED")) {
        started = now;
        put("register_to_batch_start_s", BatchBench.seconds(BatchBench.between(registered, now)));
        BatchBench.say("batch started (%s); rss %d MB", batch, app.rssKb() / 1024);
        String instance =
            api.get("/engine-rest/process-instance?businessKey=" + id)
                .json()
                .get(0)
                .path("id")
                .asText();
        latency =
            LatencyProbe.start(
                api,
                "/api/migrations/" + id,
                "/engine-rest/process-instance/" + instance + "/activity-instances");
      }
      JsonNode progress = last.path("mailboxProgress");
      long done = progress.path("synced").asLong() + progress.path("failed").asLong();
      if (started != null
          && done >= settings.mailboxes()
          && progress.path("waiting").asLong() == 0
          && progress.path("syncing").asLong() == 0) {
        finished = now;
      }
      Thread.sleep(POLL.toMillis());
    }
    List<Double> latencies = latency.stop();
    double wall = BatchBench.between(started, finished);
    Passes passes = passes(api, id);
    double overheadMs = (wall - passes.seconds / settings.slots()) / settings.mailboxes() * 1000;
    put("batch_status", last.path("batchStatus").asText());
    put("synced", last.path("mailboxProgress").path("synced").asText());
    put("failed", last.path("mailboxProgress").path("failed").asText());
    put("messages_copied", Long.toString(passes.messages));
    put("batch_initial_sync_s", BatchBench.seconds(wall));
    put("pass_seconds_sum", BatchBench.seconds(passes.seconds));
    put("pass_seconds_median", BatchBench.seconds(passes.median));
    put("passes_peak_at_once", Integer.toString(passes.peakAtOnce));
    put("passes_mean_at_once", BatchBench.seconds(passes.seconds / wall));
    put("overhead_ms_per_mailbox", String.format(java.util.Locale.ROOT, "%.1f", overheadMs));
    put(
        "wall_ms_per_mailbox",
        String.format(java.util.Locale.ROOT, "%.1f", wall * 1000 / settings.mailboxes()));
    put("rss_peak_mb", Long.toString(Math.max(app.peakRssKb(), app.highWaterMarkKb()) / 1024));
    put("get_samples", Integer.toString(latencies.size()));
    put("get_median_s", BatchBench.seconds(percentile(latencies, 0.5)));
    put("get_p95_s", BatchBench.seconds(percentile(latencies, 0.95)));
    put("get_max_s", BatchBench.seconds(percentile(latencies, 1.0)));
    put("get_bytes", Long.toString(latency.bytes()));
    put("get_summary_median_s", BatchBench.seconds(percentile(latency.summarySeconds(), 0.5)));
    put("engine_tree_median_s", BatchBench.seconds(percentile(latency.treeSeconds(), 0.5)));
    if (result.containsKey("command_wall_s")) {
      double command = Double.parseDouble(result.get("command_wall_s"));
      put("batch_vs_command", String.format(java.util.Locale.ROOT, "%.2f", wall / command));
    }
    if (settings.compare()) {
      List<String> users =
          IntStream.rangeClosed(1, settings.mailboxes()).mapToObj(BenchServers::address).toList();
      Fidelity.Result comparison = BatchBench.compare(servers, users);
      put("batch_identical", Boolean.toString(comparison.identical()));
      if (!comparison.identical()) {
        BatchBench.say("batch copy differs:%n%s", comparison.output());
      }
    }
    BatchBench.say(
        "batch initial sync %s s for %d mailboxes; passes %s s in all; rss peak %s MB",
        BatchBench.seconds(wall),
        settings.mailboxes(),
        BatchBench.seconds(passes.seconds),
        result.get("rss_peak_mb"));
    return 0;
  }

  /** The passes as the API reports them, every page of the mailbox list. */
  private Passes passes(BenchApi api, String id) {
    List<double[]> intervals = new ArrayList<>();
    List<Double> durations = new ArrayList<>();
    long messages = 0;
    for (int page = 0; ; page++) {
      JsonNode view =
          api.get("/api/migrations/" + id + "?mailboxes=all&size=500&page=" + page).json();
      JsonNode mailboxes = view.path("mailboxes");
      for (JsonNode mailbox : mailboxes) {
        messages += mailbox.path("messagesCopied").asLong();
        JsonNode pass = mailbox.path("pass");
        if (pass.hasNonNull("startedAt") && pass.hasNonNull("updatedAt")) {
          double from = Instant.parse(pass.get("startedAt").asText()).toEpochMilli() / 1e3;
          double to = Instant.parse(pass.get("updatedAt").asText()).toEpochMilli() / 1e3;
          intervals.add(new double[] {from, to});
          durations.add(to - from);
        }
      }
      if (mailboxes.size() < 500) {
        break;
      }
    }
    return new Passes(durations, intervals, messages);
  }

  private static final class Passes {
    final double seconds;
    final double median;
    final int peakAtOnce;
    final long messages;

    Passes(List<Double> durations, List<double[]> intervals, long messages) {
      this.seconds = durations.stream().mapToDouble(Double::doubleValue).sum();
      this.median = percentile(durations, 0.5);
      this.messages = messages;
      List<double[]> events = new ArrayList<>();
      for (double[] i : intervals) {
        events.add(new double[] {i[0], 1});
        events.add(new double[] {i[1], -1});
      }
      events.sort((a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(a[1], b[1]));
      int now = 0;
      int peak = 0;
      for (double[] e : events) {
        now += (int) e[1];
        peak = Math.max(peak, now);
      }
      this.peakAtOnce = peak;
    }
  }

  static double percentile(List<Double> values, double p) {
    if (values.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private String register(BenchApi api) {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "IMAP");
    target.put("endpoint", endpoint(servers.target.port()));
    target.put("mxHosts", List.of("10 mx.target." + BenchServers.DOMAIN));
    Map<String, Object> dns = new LinkedHashMap<>();
    dns.put("mode", "AUTOMATIC");
    dns.put("provider", "rfc2136");
    dns.put("zone", BenchServers.DOMAIN);
    dns.put("server", "127.0.0.1:" + servers.dns.port());
    dns.put("credentials", "cutover-bench:hmac-sha256:" + BenchServers.TSIG_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", BenchServers.DOMAIN);
    body.put("batchName", "bench-" + settings.mailboxes());
    body.put(
        "mailboxes",
        IntStream.rangeClosed(1, settings.mailboxes())
            .mapToObj(k -> Map.of("emailAddress", BenchServers.address(k)))
            .toList());
    body.put("source", endpoint(servers.source.port()));
    body.put("target", target);
    body.put("dns", dns);
    body.put("language", "en");
    body.put("autoStartBatch", true);
    BenchApi.Answer created = api.post("/api/migrations", body);
    if (created.status() != 201) {
      throw new IllegalStateException("registration refused: " + created.body());
    }
    String id = created.json().path("id").asText();
    BatchBench.say("migration %s registered in %.2f s", id, created.millis() / 1000);
    return id;
  }

  private static Map<String, Object> endpoint(int port) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("host", "127.0.0.1");
    endpoint.put("port", port);
    endpoint.put("security", "PLAINTEXT");
    endpoint.put("allowPlaintext", true);
    endpoint.put("auth", "DELEGATED_ADMIN");
    endpoint.put("adminUser", "admin");
    endpoint.put("password", "admin-pass");
    return endpoint;
  }

  /** Completes "Communicate upcoming changes" over the engine's REST API, as Tasklist would. */
  private void approveAnnouncement(BenchApi api, String id) throws Exception {
    String query =
        "/engine-rest/task?taskDefinitionKey=communicateChanges&processInstanceBusinessKey=" + id;
    JsonNode[] task = new JsonNode[1];
    Instant asked = Instant.now();
    // preflight opens every mailbox on both servers before the task: minutes at 2000 mailboxes
    waitUntil(
        "the announcement task",
        settings.timeout(),
        () -> {
          JsonNode tasks = api.get(query).json();
          task[0] = tasks.size() > 0 ? tasks.get(0) : null;
          return task[0] != null;
        });
    put("register_to_announcement_s", BatchBench.seconds(BatchBench.between(asked, Instant.now())));
    BenchApi.Answer done =
        api.post(
            "/engine-rest/task/" + task[0].path("id").asText() + "/complete",
            Map.of(
                "variables",
                Map.of("announcementApproved", Map.of("value", true, "type", "Boolean"))));
    if (done.status() != 204) {
      throw new IllegalStateException("announcement not approved: " + done.body());
    }
    BatchBench.say("announcement approved");
  }

  private static boolean alive(BenchApplication app) {
    if (!app.alive()) {
      throw new IllegalStateException("the application ended; see its log");
    }
    return true;
  }

  private void put(String key, String value) {
    result.put(key, value);
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  static void waitUntil(String what, Duration atMost, Condition condition) throws Exception {
    long until = System.nanoTime() + atMost.toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("waited " + atMost + " for " + what);
      }
      Thread.sleep(250);
    }
  }
}
