package org.cutover.tenant;

import java.nio.file.Path;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.PrivateDovecot;

/**
 * A private Dovecot on 127.0.0.1 from the test kit (users userK / pass-userK, master user admin /
 * admin-pass; plain IMAP with STARTTLS and implicit TLS on a second port, certificate for
 * localhost), stopped by its master PID.
 */
final class TargetDovecot implements AutoCloseable {

  private final PrivateDovecot server;

  private TargetDovecot(PrivateDovecot server) {
    this.server = server;
  }

  /** Starts one with {@code users} users; skips the test (fails in CI) without Dovecot. */
  static TargetDovecot start(Path parent, int users) {
    return new TargetDovecot(
        PrivateDovecot.start(
            parent.resolve("dovecot"), DovecotOptions.defaults().withUsers(users).withTls()));
  }

  int port() {
    return server.port();
  }

  int tlsPort() {
    return server.tlsPort();
  }

  /** The server's self-signed certificate (PEM). */
  Path certificate() {
    return server.certificate();
  }

  @Override
  public void close() {
    server.close();
  }
}
