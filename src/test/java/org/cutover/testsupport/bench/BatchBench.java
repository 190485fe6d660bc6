package org.cutover.testsupport.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.KitLogin;

/**
 * One batch through the packaged application's runbook on one node, for {@code bench/batch}: the
 * servers of {@link BenchServers}, optionally the {@code sync} command first on the same corpus and
 * servers, then {@code java -jar} on PostgreSQL, a migration registered over REST (IMAP source and
 * target, automatic DNS over RFC 2136, the batch started at once), its announcement approved over
 * the engine's REST API, and the batch watched through {@code GET /api/migrations/{id}} until every
 * mailbox is synced. Prints the figures, a {@code result} line last.
 *
 * <pre>
 * BatchBench --jar JAR --work DIR --mailboxes N --messages M [--seed S] [--command]
 *            [--slots K] [--compare] [--timeout-minutes T] [--jvm-opts "..."]
 * </pre>
 */
public final class BatchBench {

  private final Settings settings;
  private final Map<String, String> result = new LinkedHashMap<>();

  record Settings(
      Path jar,
      Path work,
      int mailboxes,
      int messages,
      long seed,
      boolean command,
      int slots,
      boolean compare,
      Duration timeout,
      List<String> jvmOptions) {}

  private BatchBench(Settings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) throws Exception {
    Settings settings = parse(List.of(args));
    Files.createDirectories(settings.work());
    int exit = new BatchBench(settings).run();
    System.exit(exit);
  }

  private int run() throws Exception {
    say(
        "servers: PostgreSQL, Dovecot source and target, DNS, SMTP; corpus of %d users x %d"
            + " messages",
        settings.mailboxes(), settings.messages());
    try (BenchServers servers =
        BenchServers.start(
            settings.work(), settings.mailboxes(), settings.messages(), settings.seed())) {
      say("%s", servers.corpus.line());
      put("mailboxes", settings.mailboxes());
      put("corpus_messages", servers.corpus.messages());
      put("corpus_bytes", servers.corpus.bytes());
      if (settings.command()) {
        new SyncCommandRun(settings, servers, result).run();
      }
      return new BatchRun(settings, servers, result).run();
    } finally {
      StringBuilder line = new StringBuilder("result");
      result.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
      System.out.println(line);
    }
  }

  private void put(String key, Object value) {
    result.put(key, String.valueOf(value));
  }

  static void say(String format, Object... args) {
    System.err.printf(Locale.ROOT, "batch bench: " + format + "%n", args);
  }

  static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  /** The kit's strict comparison of each migrated address's mail on source and target. */
  static Fidelity.Result compare(BenchServers servers, List<String> users) {
    KitLogin admin = KitLogin.parse("authzid:admin:admin-pass");
    return Fidelity.compare(
        new Fidelity.Side("127.0.0.1", servers.source.port(), false, admin),
        new Fidelity.Side("127.0.0.1", servers.target.port(), false, admin),
        users,
        Map.of(),
        true,
        false);
  }

  static double between(Instant a, Instant b) {
    return Duration.between(a, b).toNanos() / 1e9;
  }

  private static Settings parse(List<String> args) {
    Map<String, String> values = new LinkedHashMap<>();
    List<String> flags = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      switch (a) {
        case "--command", "--compare" -> flags.add(a);
        default -> {
          if (!a.startsWith("--") || i + 1 >= args.size()) {
            throw new IllegalArgumentException("unknown or incomplete option " + a);
          }
          values.put(a, args.get(++i));
        }
      }
    }
    String jvm = values.getOrDefault("--jvm-opts", "").strip();
    return new Settings(
        Path.of(required(values, "--jar")).toAbsolutePath(),
        Path.of(required(values, "--work")).toAbsolutePath(),
        Integer.parseInt(required(values, "--mailboxes")),
        Integer.parseInt(values.getOrDefault("--messages", "2")),
        Long.parseLong(values.getOrDefault("--seed", "1")),
        flags.contains("--command"),
        Integer.parseInt(values.getOrDefault("--slots", "8")),
        flags.contains("--compare"),
        Duration.ofMinutes(Long.parseLong(values.getOrDefault("--timeout-minutes", "120"))),
        jvm.isEmpty() ? List.of() : List.of(jvm.split("\\s+")));
  }

  private static String required(Map<String, String> values, String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException(name + " is required");
    }
    return v;
  }

  static JsonNode path(JsonNode node, String... names) {
    JsonNode n = node;
    for (String name : names) {
      n = n.path(name);
    }
    return n;
  }
}
