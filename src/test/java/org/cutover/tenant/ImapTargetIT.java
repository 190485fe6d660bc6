package org.cutover.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.TrustStore;
import org.cutover.secrets.SecretRef;
import org.cutover.testsupport.FreePort;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain IMAP target against a real Dovecot: sign-in checks and mailboxes that must exist. */
class ImapTargetIT {

  @TempDir static Path work;

  static TargetDovecot dovecot;
  static MemorySecretStore secrets;
  static SecretRef adminPassword;

  @BeforeAll
  static void startDovecot() throws Exception {
    dovecot = TargetDovecot.start(work, 3);
    secrets = new MemorySecretStore();
    adminPassword = secrets.put("admin", "admin-pass");
  }

  @AfterAll
  static void stopDovecot() throws Exception {
    if (dovecot != null) {
      dovecot.close();
    }
  }

  static ImapTarget target(TrustStore trust) {
    return new ImapTarget(
        secrets, Duration.ofSeconds(60), Duration.ofSeconds(120), trust, new EndpointTester());
  }

  static ImapTargetServer server(
      int port,
      ImapTargetServer.Security security,
      ImapTargetServer.SignIn signIn,
      String admin,
      SecretRef credential) {
    return new ImapTargetServer(
        security == ImapTargetServer.Security.PLAINTEXT ? "127.0.0.1" : "localhost",
        port,
        security,
        security == ImapTargetServer.Security.PLAINTEXT,
        signIn,
        admin,
        credential);
  }

  static ImapTargetServer delegated() {
    return server(
        dovecot.port(),
        ImapTargetServer.Security.PLAINTEXT,
        ImapTargetServer.SignIn.DELEGATED_ADMIN,
        "admin",
        adminPassword);
  }

  static TrustStore trustingDovecot() {
    return TrustStore.certificates(dovecot.certificate());
  }

  @Test
  void theDelegatedAdminPassesPreflightAndOpensAnExistingMailbox() {
    ImapTarget target = target(null);

    assertThatCode(() -> target.preflight(delegated(), "user1")).doesNotThrowAnyException();
    assertThatCode(() -> target.provisionMailbox(delegated(), "user2")).doesNotThrowAnyException();
  }

  @Test
  void aMailboxThatDoesNotExistMustBeCreatedFirst() {
    assertThatThrownBy(() -> target(null).provisionMailbox(delegated(), "user99"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("create the mailbox user99 on the target first")
        .hasMessageContaining("admin acting for user99")
        .hasMessageContaining("127.0.0.1:" + dovecot.port());
  }

  @Test
  void aWrongAdminPasswordFailsPreflightWithoutShowingIt() {
    SecretRef wrong = secrets.put("wrong admin", "not-admin-pass");
    ImapTargetServer server =
        server(
            dovecot.port(),
            ImapTargetServer.Security.PLAINTEXT,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "admin",
            wrong);

    assertThatThrownBy(() -> target(null).preflight(server, "user1"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("refused the admin login admin acting for user1")
        .hasMessageContaining("check the admin user and its password")
        .hasMessageNotContaining("not-admin-pass");
  }

  @Test
  void implicitTlsWorksWithTheServersCertificateTrusted() {
    ImapTargetServer server =
        server(
            dovecot.tlsPort(),
            ImapTargetServer.Security.IMPLICIT_TLS,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "admin",
            adminPassword);

    assertThatCode(() -> target(trustingDovecot()).preflight(server, "user1"))
        .doesNotThrowAnyException();
    assertThatCode(() -> target(trustingDovecot()).provisionMailbox(server, "user3"))
        .doesNotThrowAnyException();
  }

  @Test
  void anUntrustedCertificateIsRefusedSayingHowToTrustIt() {
    ImapTargetServer server =
        server(
            dovecot.tlsPort(),
            ImapTargetServer.Security.IMPLICIT_TLS,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "admin",
            adminPassword);

    assertThatThrownBy(() -> target(null).preflight(server, "user1"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("TLS to the IMAP target")
        .hasMessageContaining("is not trusted")
        .hasMessageContaining("cutover.tenant.imap.trust-store");
  }

  @Test
  void startTlsIsUsedAndTheCertificateChecked() {
    ImapTargetServer server =
        server(
            dovecot.port(),
            ImapTargetServer.Security.STARTTLS,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "admin",
            adminPassword);

    assertThatCode(() -> target(trustingDovecot()).provisionMailbox(server, "user1"))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> target(null).provisionMailbox(server, "user1"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("is not trusted");
  }

  @Test
  void theAdminsOwnLoginOpensOnlyItsOwnMailbox() {
    SecretRef password = secrets.put("user1", "pass-user1");
    ImapTargetServer server =
        server(
            dovecot.port(),
            ImapTargetServer.Security.PLAINTEXT,
            ImapTargetServer.SignIn.PLAIN,
            "user1",
            password);
    ImapTarget target = target(null);

    assertThatCode(() -> target.preflight(server, "user2")).doesNotThrowAnyException();
    assertThatCode(() -> target.provisionMailbox(server, "user1")).doesNotThrowAnyException();
    assertThatThrownBy(() -> target.provisionMailbox(server, "user2"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("opens only the admin's mailbox")
        .hasMessageContaining("DELEGATED_ADMIN");
  }

  @Test
  void aServerThatIsNotThereFailsPreflightAndIsRetriedWhenProvisioning() {
    ImapTargetServer nobody =
        server(
            FreePort.pick(),
            ImapTargetServer.Security.PLAINTEXT,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "admin",
            adminPassword);

    assertThatThrownBy(() -> target(null).preflight(nobody, "user1"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("Nothing accepts connections");
    assertThatThrownBy(() -> target(null).provisionMailbox(nobody, "user1"))
        .isInstanceOf(TargetUnavailable.class)
        .hasMessageContaining("the step is tried again");
  }

  @Test
  void plaintextIsRefusedUnlessAllowed() {
    ImapTargetServer server =
        new ImapTargetServer(
            "127.0.0.1",
            dovecot.port(),
            ImapTargetServer.Security.PLAINTEXT,
            false,
            ImapTargetServer.SignIn.DELEGATED_ADMIN,
            "admin",
            adminPassword);

    assertThatThrownBy(() -> target(null).provisionMailbox(server, "user1"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("without allowPlaintext");
    assertThat(secrets.names()).contains("admin");
  }
}
