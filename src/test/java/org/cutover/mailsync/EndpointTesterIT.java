package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Endpoint tests against a private Dovecot with TLS (self-signed certificate). */
class EndpointTesterIT {

  @TempDir static Path work;

  private static DovecotServer server;
  private final EndpointTester tester = new EndpointTester();
  private static final SecretSupplier ADMIN = () -> "admin-pass".toCharArray();

  @BeforeAll
  static void start() {
    server =
        DovecotServer.start(work.resolve("srv"), DovecotOptions.defaults().withUsers(2).withTls());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static SourceAccount account(ImapEndpoint endpoint, ImapLogin login) {
    return new SourceAccount(endpoint, login);
  }

  private EndpointCheck.Failed failed(EndpointCheck check) {
    assertThat(check).as(check.toString()).isInstanceOf(EndpointCheck.Failed.class);
    return (EndpointCheck.Failed) check;
  }

  @Test
  void passesWithAnAdministratorActingForTheTestMailbox() {
    EndpointCheck check =
        tester.test(account(server.plaintext(), ImapLogin.delegated("user1", "admin", ADMIN)));

    assertThat(check).isInstanceOf(EndpointCheck.Passed.class);
    EndpointCheck.Passed passed = (EndpointCheck.Passed) check;
    assertThat(passed.account()).isEqualTo("user1@127.0.0.1:" + server.port());
    assertThat(passed.connection()).isEqualTo("plaintext");
    assertThat(passed.capabilities()).contains("UIDPLUS", "SPECIAL-USE");
  }

  @Test
  void namesTheAdministratorAndUserWhenTheAdministratorPasswordIsWrong() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    server.plaintext(),
                    ImapLogin.delegated("user1", "admin", () -> "wrong".toCharArray()))));

    assertThat(f.problem()).isEqualTo(EndpointProblem.BAD_CREDENTIALS);
    assertThat(f.message())
        .contains("Administrator 'admin'", "'user1'", "127.0.0.1:" + server.port())
        .doesNotContain("wrong");
  }

  @Test
  void refusesAnAdministratorActingForAMailboxThatDoesNotExist() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(server.plaintext(), ImapLogin.delegated("nobody", "admin", ADMIN))));

    assertThat(f.problem()).isIn(EndpointProblem.BAD_CREDENTIALS, EndpointProblem.NOT_AUTHORIZED);
    assertThat(f.message()).contains("'nobody'");
  }

  @Test
  void saysTheLoginWasRefusedForABadPassword() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    server.plaintext(),
                    ImapLogin.password("user2", () -> "not-the-password".toCharArray()))));

    assertThat(f.problem()).isEqualTo(EndpointProblem.BAD_CREDENTIALS);
    assertThat(f.message())
        .contains(
            "Login as 'user2'", "127.0.0.1:" + server.port(), "check the user name and password")
        .doesNotContain("not-the-password");
  }

  @Test
  void saysTheHostIsUnknown() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    ImapEndpoint.implicitTls("no-such-host.invalid", 993),
                    ImapLogin.password("user1", () -> "x".toCharArray()))));

    assertThat(f.problem()).isEqualTo(EndpointProblem.UNKNOWN_HOST);
    assertThat(f.message()).contains("'no-such-host.invalid' is unknown");
  }

  @Test
  void saysNothingListensOnARefusedPort() {
    int closed = DovecotServer.freePort();
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    ImapEndpoint.implicitTls("127.0.0.1", closed),
                    ImapLogin.password("user1", () -> "x".toCharArray()))));

    assertThat(f.problem()).isEqualTo(EndpointProblem.CONNECTION_REFUSED);
    assertThat(f.message())
        .contains("Nothing accepts connections on source server 127.0.0.1:" + closed);
  }

  @Test
  void rejectsASelfSignedCertificateByDefaultAndNamesItsSubject() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    ImapEndpoint.implicitTls("localhost", server.tlsPort()),
                    ImapLogin.password("user1", () -> "pass-user1".toCharArray()))));

    assertThat(f.problem()).isEqualTo(EndpointProblem.TLS_UNTRUSTED);
    assertThat(f.message())
        .contains("localhost:" + server.tlsPort(), "CN=localhost", "self-signed", "trust store");
  }

  @Test
  void acceptsTheCertificateFromTheEndpointsTrustStore() {
    EndpointCheck check =
        tester.test(
            account(
                ImapEndpoint.implicitTls("localhost", server.tlsPort()).toBuilder()
                    .trustStore(TrustStore.certificates(server.certificate()))
                    .build(),
                ImapLogin.password("user1", () -> "pass-user1".toCharArray())));

    assertThat(check).as(check.toString()).isInstanceOf(EndpointCheck.Passed.class);
    assertThat(((EndpointCheck.Passed) check).connection())
        .startsWith("TLSv1.")
        .contains("CN=localhost");
  }

  @Test
  void upgradesWithStartTlsAndChecksTheCertificateThere() {
    ImapEndpoint startTls = ImapEndpoint.startTls("127.0.0.1", server.port());
    EndpointCheck untrusted =
        tester.test(
            account(startTls, ImapLogin.password("user1", () -> "pass-user1".toCharArray())));
    EndpointCheck trusted =
        tester.test(
            account(
                startTls.toBuilder()
                    .trustStore(TrustStore.certificates(server.certificate()))
                    .build(),
                ImapLogin.password("user1", () -> "pass-user1".toCharArray())));

    assertThat(failed(untrusted).problem()).isEqualTo(EndpointProblem.TLS_UNTRUSTED);
    assertThat(trusted).as(trusted.toString()).isInstanceOf(EndpointCheck.Passed.class);
  }

  @Test
  void explainsEachRefusedCertificateWhileOtherConnectionsShareTheSession() throws Exception {
    ImapEndpoint untrusted = ImapEndpoint.implicitTls("localhost", server.tlsPort());
    ImapEndpoint trusted =
        untrusted.toBuilder().trustStore(TrustStore.certificates(server.certificate())).build();
    ImapLogin login = ImapLogin.password("user1", () -> "pass-user1".toCharArray());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<EndpointCheck>> refused = new ArrayList<>();
      List<Future<EndpointCheck>> accepted = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        refused.add(pool.submit(() -> tester.test(account(untrusted, login))));
        accepted.add(pool.submit(() -> tester.test(account(trusted, login))));
      }

      for (Future<EndpointCheck> r : refused) {
        EndpointCheck.Failed f = failed(r.get(1, TimeUnit.MINUTES));
        assertThat(f.problem()).isEqualTo(EndpointProblem.TLS_UNTRUSTED);
        assertThat(f.message()).contains("localhost:" + server.tlsPort(), "CN=localhost");
      }
      for (Future<EndpointCheck> a : accepted) {
        EndpointCheck check = a.get(1, TimeUnit.MINUTES);
        assertThat(check).as(check.toString()).isInstanceOf(EndpointCheck.Passed.class);
        assertThat(((EndpointCheck.Passed) check).connection()).contains("CN=localhost");
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void explainsAPlaintextClientOnATlsPort() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.tlsPort())
                        .toBuilder()
                        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                        .build(),
                    ImapLogin.password("user1", () -> "pass-user1".toCharArray()))));

    assertThat(f.problem()).isEqualTo(EndpointProblem.TIMED_OUT);
    assertThat(f.message()).contains("TLS-only port");
  }

  @Test
  void explainsATlsClientOnAPlaintextPort() {
    EndpointCheck.Failed f =
        failed(
            tester.test(
                account(
                    ImapEndpoint.implicitTls("127.0.0.1", server.port()).toBuilder()
                        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                        .build(),
                    ImapLogin.password("user1", () -> "pass-user1".toCharArray()))));

    assertThat(f.problem()).isIn(EndpointProblem.TLS_FAILED, EndpointProblem.TIMED_OUT);
    assertThat(f.message()).contains("127.0.0.1:" + server.port());
  }
}
