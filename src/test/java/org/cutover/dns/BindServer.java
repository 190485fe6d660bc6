package org.cutover.dns;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;

/**
 * A real BIND 9 for integration tests: writes named.conf, the zone file and TSIG keys into a fresh
 * directory, starts {@code named -g -4} on 127.0.0.1 with a free port (no system configuration),
 * waits until it answers, and stops it by its process. Without {@code named} the test is skipped,
 * except when {@code CI=true}: then it fails.
 */
public final class BindServer implements AutoCloseable {

  public static final Path NAMED = Path.of("/usr/sbin/named");

  /** The zone most tests use: SOA, NS, one MX, an SPF TXT, and addresses. */
  public static final String EXAMPLE_ZONE =
      """
      $TTL 3600
      @       IN SOA  ns1.example.test. hostmaster.example.test. (
                      2024010101 3600 900 604800 300 )
              IN NS   ns1.example.test.
              IN MX   10 mail.example.test.
              IN TXT  "v=spf1 mx -all"
      ns1     IN A    127.0.0.1
      mail    IN A    192.0.2.25
      """;

  private final Process process;
  private final Path dir;
  private final String zone;
  private final NameServer server;
  private final Map<String, TsigKey> keys;

  private BindServer(
      Process process, Path dir, String zone, NameServer server, Map<String, TsigKey> keys) {
    this.process = process;
    this.dir = dir;
    this.zone = zone;
    this.server = server;
    this.keys = keys;
  }

  /** Skips the test when named is missing, or fails it when {@code CI=true}. */
  public static void requireNamed() {
    if (Files.isExecutable(NAMED)) {
      return;
    }
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(NAMED + " is missing; install the Debian packages bind9 and bind9-utils");
    }
    Assumptions.abort(NAMED + " is missing (apt-get install bind9 bind9-utils); test skipped");
  }

  /**
   * Starts BIND serving {@code zone} from {@code zoneFile}, updatable with one key per algorithm.
   */
  public static BindServer start(Path dir, String zone, String zoneFile) throws IOException {
    requireNamed();
    Map<String, TsigKey> keys = new LinkedHashMap<>();
    for (String algorithm : TsigKey.ALGORITHMS) {
      String secret = randomSecret();
      keys.put(algorithm, new TsigKey("cutover-" + algorithm, algorithm, () -> secret));
    }
    List<String> failures = new ArrayList<>();
    for (int attempt = 0; attempt < 5; attempt++) {
      int port = freePort();
      Path runDir = Files.createDirectories(dir.resolve("named-" + attempt));
      write(runDir, zone, zoneFile, keys, port);
      Process process =
          new ProcessBuilder(
                  NAMED.toString(), "-g", "-4", "-c", runDir.resolve("named.conf").toString())
              .redirectErrorStream(true)
              .redirectOutput(runDir.resolve("named.log").toFile())
              .start();
      NameServer server =
          new NameServer("bind", new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      try {
        awaitAnswer(process, server, zone);
        return new BindServer(process, runDir, DnsNames.absolute(zone), server, keys);
      } catch (RuntimeException e) {
        stop(process);
        failures.add("port " + port + ": " + log(runDir));
      }
    }
    throw new IllegalStateException("named did not start: " + String.join("\n", failures));
  }

  public NameServer server() {
    return server;
  }

  public String zone() {
    return zone;
  }

  /** The hmac-sha256 key. */
  public TsigKey key() {
    return keys.get("hmac-sha256");
  }

  public TsigKey key(String algorithm) {
    return keys.get(algorithm);
  }

  public Path dir() {
    return dir;
  }

  public long pid() {
    return process.pid();
  }

  public String log() {
    return log(dir);
  }

  @Override
  public void close() {
    stop(process);
  }

  private static void awaitAnswer(Process process, NameServer server, String zone) {
    DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 1);
    Awaitility.await("named answering on " + server.describe())
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException("named exited with " + process.exitValue());
              }
              return query.ask(server, zone, RecordType.SOA, DirectQuery.Mode.AUTHORITATIVE)
                  instanceof ServerAnswer.Records;
            });
  }

  private static void stop(Process process) {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void write(
      Path dir, String zone, String zoneFile, Map<String, TsigKey> keys, int port)
      throws IOException {
    StringBuilder keyText = new StringBuilder();
    StringBuilder allow = new StringBuilder();
    for (TsigKey key : keys.values()) {
      String name = key.name().substring(0, key.name().length() - 1);
      keyText
          .append("key \"")
          .append(name)
          .append("\" {\n  algorithm ")
          .append(key.algorithm())
          .append(";\n  secret \"")
          .append(key.secret().get())
          .append("\";\n};\n");
      allow.append("key \"").append(name).append("\"; ");
    }
    Files.writeString(dir.resolve("tsig.key"), keyText, StandardCharsets.US_ASCII);
    String apex = DnsNames.absolute(zone);
    String conf =
        """
        options {
            directory "%1$s";
            pid-file "%1$s/named.pid";
            session-keyfile "%1$s/session.key";
            managed-keys-directory "%1$s";
            listen-on port %2$d { 127.0.0.1; };
            listen-on-v6 { none; };
            recursion no;
            dnssec-validation no;
            notify no;
            allow-transfer { none; };
        };
        controls { };
        include "%1$s/tsig.key";
        zone "%3$s" {
            type primary;
            file "zone.db";
            allow-update { %4$s};
        };
        """
            .formatted(dir.toAbsolutePath(), port, apex, allow);
    Files.writeString(dir.resolve("named.conf"), conf, StandardCharsets.US_ASCII);
    Files.writeString(dir.resolve("zone.db"), zoneFile, StandardCharsets.US_ASCII);
  }

  private static int freePort() throws IOException {
    for (int i = 0; i < 20; i++) {
      try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        int port = tcp.getLocalPort();
        try (DatagramSocket udp =
            new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
          return port;
        } catch (IOException e) {
          // UDP side taken; try another
        }
      }
    }
    throw new IOException("No free port for both UDP and TCP on 127.0.0.1");
  }

  private static String randomSecret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static String log(Path dir) {
    try {
      return Files.readString(dir.resolve("named.log"));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }
}
