package org.cutover.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.TargetAccount;

/**
 * A private Dovecot started with the bench kit's dovecot-up on free loopback ports, and stopped by
 * its master PID.
 */
public final class DovecotServer implements AutoCloseable {

  private final Path dir;
  private final int port;
  private final int tlsPort;
  private final long pid;

  private DovecotServer(Path dir, int port, int tlsPort, long pid) {
    this.dir = dir;
    this.port = port;
    this.tlsPort = tlsPort;
    this.pid = pid;
  }

  /** Starts a server in {@code dir} with dovecot-up's options (e.g. --names --sep . --tls). */
  public static DovecotServer start(Path dir, boolean tls, String... options) {
    Path kit = BenchKit.dir();
    for (int attempt = 1; ; attempt++) {
      int port = freePort();
      int tlsPort = tls ? freePort() : 0;
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  kit.resolve("dovecot-up").toString(), dir.toString(), Integer.toString(port)));
      cmd.addAll(List.of(options));
      if (tls) {
        cmd.addAll(List.of("--tls", Integer.toString(tlsPort)));
      }
      BenchKit.Run r = BenchKit.run(dir.getParent(), cmd);
      if (r.exit() == 0) {
        java.util.regex.Matcher m =
            java.util.regex.Pattern.compile("(?m)^(\\d+)$").matcher(r.output());
        if (!m.find()) {
          fail("dovecot-up printed no PID:\n" + r.output());
        }
        return new DovecotServer(dir, port, tlsPort, Long.parseLong(m.group(1)));
      }
      if (attempt >= 3 || !r.output().contains("already in use")) {
        if (r.output().contains("not installed") || r.output().contains("apt-get install")) {
          BenchKit.unavailable("Dovecot (dovecot-up could not install it): " + r.output());
        }
        fail("dovecot-up failed (" + r.exit() + "):\n" + r.output());
      }
    }
  }

  public int port() {
    return port;
  }

  public int tlsPort() {
    return tlsPort;
  }

  public Path dir() {
    return dir;
  }

  public Path certificate() {
    return dir.resolve("tls").resolve("cert.pem");
  }

  public Path config() {
    return dir.resolve("dovecot.conf");
  }

  public ImapEndpoint plaintext() {
    return ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", port);
  }

  public SourceAccount source(String user) {
    return new SourceAccount(
        plaintext(), ImapLogin.password(user, () -> ("pass-" + user).toCharArray()));
  }

  public TargetAccount target(String user) {
    return new TargetAccount(
        plaintext(), ImapLogin.password(user, () -> ("pass-" + user).toCharArray()));
  }

  /** Runs doveadm against this instance. */
  public BenchKit.Run doveadm(String... args) {
    List<String> cmd = new ArrayList<>(List.of("doveadm", "-c", config().toString()));
    cmd.addAll(List.of(args));
    return BenchKit.run(dir.getParent(), cmd);
  }

  /** Stops the master by PID and waits for it, then removes the directory. */
  @Override
  public void close() {
    ProcessHandle.of(pid)
        .ifPresent(
            h -> {
              h.destroy();
              try {
                h.onExit().get(20, TimeUnit.SECONDS);
              } catch (Exception e) {
                h.destroyForcibly();
              }
            });
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left for the temp directory clean-up
    }
  }

  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("No free port", e);
    }
  }

  /** Stops several servers at once (Dovecot takes a few seconds each to shut down). */
  public static void stopAll(List<DovecotServer> servers) {
    servers.parallelStream().forEach(DovecotServer::close);
    servers.clear();
  }
}
