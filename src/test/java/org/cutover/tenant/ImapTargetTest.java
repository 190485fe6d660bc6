package org.cutover.tenant;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import org.cutover.mailsync.EndpointTester;
import org.cutover.secrets.SecretRef;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plain IMAP target signs in through the mail sync engine's endpoint test. Against a server
 * that offers no SASL PLAIN (GreenMail), a delegated login is refused by name; the mail library on
 * its own would log in as the admin and open the admin's mailbox instead.
 */
class ImapTargetTest {

  private GreenMail server;
  private MemorySecretStore secrets;
  private SecretRef adminPassword;

  @BeforeEach
  void startAServerWithoutAuthPlain() {
    server = LoopbackMail.imap();
    server.start();
    server.setUser("admin@example.test", "admin", "admin-pass");
    server.setUser("anna@example.test", "anna", "anna-pass");
    secrets = new MemorySecretStore();
    adminPassword = secrets.put("admin", "admin-pass");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private ImapTarget target() {
    return new ImapTarget(
        secrets, Duration.ofSeconds(5), Duration.ofSeconds(10), null, new EndpointTester());
  }

  private ImapTargetServer signingIn(ImapTargetServer.SignIn signIn) {
    return new ImapTargetServer(
        "127.0.0.1",
        server.getImap().getPort(),
        ImapTargetServer.Security.PLAINTEXT,
        true,
        signIn,
        "admin",
        adminPassword);
  }

  @Test
  void aDelegatedLoginIsRefusedWhereTheServerOffersNoSaslPlain() {
    ImapTargetServer delegated = signingIn(ImapTargetServer.SignIn.DELEGATED_ADMIN);

    assertThatThrownBy(() -> target().preflight(delegated, "anna"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("cannot take the admin login admin acting for anna")
        .hasMessageContaining("does not offer SASL PLAIN (AUTH=PLAIN)")
        .hasMessageContaining("does not fall back to the admin's own login")
        .hasMessageNotContaining("admin-pass");
    assertThatThrownBy(() -> target().provisionMailbox(delegated, "anna"))
        .isInstanceOf(TargetNeedsAdministrator.class)
        .hasMessageContaining("does not offer SASL PLAIN (AUTH=PLAIN)");
  }

  @Test
  void theAdminsOwnLoginStillWorksThere() {
    ImapTargetServer own = signingIn(ImapTargetServer.SignIn.PLAIN);

    assertThatCode(() -> target().preflight(own, "anna")).doesNotThrowAnyException();
    assertThatCode(() -> target().provisionMailbox(own, "admin")).doesNotThrowAnyException();
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingIt() {
    SecretRef wrong = secrets.put("wrong", "not-admin-pass");
    ImapTargetServer own =
        new ImapTargetServer(
            "127.0.0.1",
            server.getImap().getPort(),
            ImapTargetServer.Security.PLAINTEXT,
            true,
            ImapTargetServer.SignIn.PLAIN,
            "admin",
            wrong);

    assertThatThrownBy(() -> target().preflight(own, "anna"))
        .isInstanceOf(TargetLoginRefused.class)
        .hasMessageContaining("refused the admin login admin")
        .hasMessageContaining("check the admin user and its password")
        .hasMessageNotContaining("not-admin-pass");
  }
}
