package org.cutover.testsupport;

import java.nio.file.Path;
import java.util.List;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.TargetAccount;
import org.cutover.testsupport.kit.Command;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.PrivateDovecot;

/**
 * A {@link PrivateDovecot} with the sync engine's account types for its users, for the sync tests.
 */
public final class DovecotServer implements AutoCloseable {

  private final PrivateDovecot kit;

  private DovecotServer(PrivateDovecot kit) {
    this.kit = kit;
  }

  /** Starts a server in {@code dir}; skips the test without Dovecot (fails it with CI=true). */
  public static DovecotServer start(Path dir, DovecotOptions options) {
    return new DovecotServer(PrivateDovecot.start(dir, options));
  }

  /** The server itself, for the corpus builder and the fidelity comparison. */
  public PrivateDovecot kit() {
    return kit;
  }

  public int port() {
    return kit.port();
  }

  public int tlsPort() {
    return kit.tlsPort();
  }

  public Path dir() {
    return kit.dir();
  }

  public Path certificate() {
    return kit.certificate();
  }

  public Path config() {
    return kit.config();
  }

  public ImapEndpoint plaintext() {
    return ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", port());
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
  public Command.Run doveadm(String... args) {
    return kit.doveadm(args);
  }

  /** Stops the master by PID and waits for it, then removes the directory. */
  @Override
  public void close() {
    kit.close();
  }

  public static int freePort() {
    return FreePort.pick();
  }

  /** Stops several servers at once (Dovecot takes a few seconds each to shut down). */
  public static void stopAll(List<DovecotServer> servers) {
    servers.parallelStream().forEach(DovecotServer::close);
    servers.clear();
  }
}
