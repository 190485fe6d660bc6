package org.cutover.tenant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.cutover.testsupport.FreePort;
import org.cutover.testsupport.RealServers;

/**
 * A private Dovecot on 127.0.0.1 started with the bench kit's {@code dovecot-up} (users userK /
 * pass-userK, master user admin / admin-pass; plain IMAP with STARTTLS and implicit TLS on a second
 * port, certificate for localhost), stopped by its master PID.
 */
final class TargetDovecot implements AutoCloseable {

  private final Path dir;
  private final int port;
  private final int tlsPort;
  private final long pid;

  private TargetDovecot(Path dir, int port, int tlsPort, long pid) {
    this.dir = dir;
    this.port = port;
    this.tlsPort = tlsPort;
    this.pid = pid;
  }

  /** Starts one with {@code users} users; skips the test (fails in CI) without Dovecot. */
  static TargetDovecot start(Path parent, int users) throws IOException, InterruptedException {
    Path kit = benchKit();
    RealServers.require(kit != null, "the bench kit (shared/bench/dovecot-up)");
    for (int attempt = 1; ; attempt++) {
      Path dir = parent.resolve("dovecot-" + attempt);
      int port = FreePort.pick();
      int tlsPort = FreePort.pick();
      Process process =
          new ProcessBuilder(
                  kit.resolve("dovecot-up").toString(),
                  dir.toString(),
                  Integer.toString(port),
                  "--users",
                  Integer.toString(users),
                  "--tls",
                  Integer.toString(tlsPort))
              .redirectErrorStream(true)
              .start();
      String output = new String(process.getInputStream().readAllBytes());
      boolean done = process.waitFor(180, TimeUnit.SECONDS);
      if (done && process.exitValue() == 0) {
        Matcher pid = Pattern.compile("(?m)^(\\d+)$").matcher(output);
        if (!pid.find()) {
          throw new IllegalStateException("dovecot-up printed no PID:\n" + output);
        }
        return new TargetDovecot(dir, port, tlsPort, Long.parseLong(pid.group(1)));
      }
      if (!done) {
        process.destroyForcibly();
      }
      RealServers.require(
          !output.contains("is not installed"), "Dovecot (Debian package dovecot-imapd)");
      if (attempt >= 3 || !output.contains("already in use")) {
        throw new IllegalStateException("dovecot-up failed:\n" + output);
      }
    }
  }

  /** {@code shared/bench} above the working directory, or {@code -Dcutover.bench.dir}. */
  private static Path benchKit() {
    String override = System.getProperty("cutover.bench.dir", System.getenv("CUTOVER_BENCH_DIR"));
    if (override != null) {
      return Files.isExecutable(Path.of(override, "dovecot-up")) ? Path.of(override) : null;
    }
    for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
      Path candidate = at.resolve("shared").resolve("bench");
      if (Files.isExecutable(candidate.resolve("dovecot-up"))) {
        return candidate;
      }
    }
    return null;
  }

  int port() {
    return port;
  }

  int tlsPort() {
    return tlsPort;
  }

  /** The server's self-signed certificate (PEM). */
  Path certificate() {
    return dir.resolve("tls").resolve("cert.pem");
  }

  @Override
  public void close() throws IOException {
    ProcessHandle.of(pid)
        .ifPresent(
            dovecot -> {
              dovecot.destroy();
              try {
                dovecot.onExit().get(30, TimeUnit.SECONDS);
              } catch (Exception e) {
                dovecot.destroyForcibly();
              }
            });
    List<Path> paths = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
    }
    for (Path path : paths) {
      Files.deleteIfExists(path);
    }
  }
}
