package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Dovecot whose TLS stops at version 1.1 (as an Exchange 2007/2010): refused unless the endpoint
 * allows TLS 1.0/1.1, and then reached only in a JVM whose security properties permit them.
 */
class LegacyTlsIT {

  @TempDir static Path work;

  private static DovecotServer server;

  @BeforeAll
  static void start() {
    server =
        DovecotServer.start(
            work.resolve("srv"), DovecotOptions.defaults().withUsers(1).withTlsUpTo11());
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static ImapEndpoint endpoint() {
    return ImapEndpoint.implicitTls("127.0.0.1", server.tlsPort()).toBuilder()
        .trustStore(new TrustStore(server.certificate(), "PEM", null))
        .build();
  }

  private static EndpointCheck check(ImapEndpoint endpoint) {
    return new EndpointTester()
        .test(
            new SourceAccount(
                endpoint, ImapLogin.password("user1", "pass-user1"::toCharArray), "user1"));
  }

  @Test
  void refusesAServerSpeakingOnlyTls11UnlessTheEndpointAllowsIt() {
    EndpointCheck check = check(endpoint());

    assertThat(check).isInstanceOf(EndpointCheck.Failed.class);
    EndpointCheck.Failed failed = (EndpointCheck.Failed) check;
    assertThat(failed.problem()).isEqualTo(EndpointProblem.TLS_FAILED);
    assertThat(failed.message()).contains("TLSv1.3/TLSv1.2").contains("allowLegacyTls");
  }

  @Test
  void saysTheJvmStillRefusesTls11WhenOnlyTheEndpointAllowsIt() {
    assumeThat(LegacyTls.refusedByJvm()).as("this JVM's jdk.tls.disabledAlgorithms").isNotEmpty();

    EndpointCheck check = check(endpoint().toBuilder().legacyTls(true).build());

    assertThat(check).isInstanceOf(EndpointCheck.Failed.class);
    assertThat(((EndpointCheck.Failed) check).message())
        .contains("this JVM refuses them")
        .contains("-Djava.security.properties");
  }

  @Test
  void reachesTheServerWithTls11WhenTheEndpointAllowsItAndTheJvmPermitsIt() throws Exception {
    Path security = work.resolve("legacy-tls.security");
    Files.writeString(
        security,
        "jdk.tls.disabledAlgorithms=SSLv3, RC4, DES, MD5withRSA, DH keySize < 1024,"
            + " EC keySize < 224, 3DES_EDE_CBC, anon, NULL\n");
    Path output = work.resolve("probe.out");
    Process probe =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.security.properties=" + security,
                    "-cp",
                    System.getProperty("java.class.path"),
                    LegacyTlsProbe.class.getName(),
                    "127.0.0.1",
                    Integer.toString(server.tlsPort()),
                    server.certificate().toString(),
                    "user1",
                    "pass-user1"))
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    assertThat(probe.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS)).isTrue();

    String printed = Files.readString(output);
    assertThat(printed)
        .contains("RESULT Passed[")
        .contains("TLSv1.1")
        .contains("may use TLS 1.0 and 1.1");
  }
}
