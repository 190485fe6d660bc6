package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server without SASL PLAIN cannot take a delegated login. The mail library would quietly log in
 * as the admin instead, and a sync would then copy the admin's own mailbox; the engine refuses.
 */
class DelegatedLoginWithoutPlainTest {

  private GreenMail server;

  @BeforeEach
  void startAServerWithoutAuthPlain() {
    server = LoopbackMail.imap();
    server.start();
    server.setUser("admin@example.test", "admin", "admin-pass");
    server.setUser("anna@example.test", "anna", "anna-pass");
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void refusesADelegatedLoginInsteadOfOpeningTheAdminsMailbox() {
    ImapEndpoint endpoint =
        ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.getImap().getPort());

    EndpointCheck delegated =
        new EndpointTester()
            .test(
                new SourceAccount(
                    endpoint,
                    ImapLogin.delegated("anna", "admin", () -> "admin-pass".toCharArray())));
    EndpointCheck adminsOwn =
        new EndpointTester()
            .test(
                new SourceAccount(
                    endpoint, ImapLogin.password("admin", () -> "admin-pass".toCharArray())));

    assertThat(adminsOwn)
        .as("the admin's own login works there")
        .isInstanceOf(EndpointCheck.Passed.class);
    assertThat(delegated).isInstanceOf(EndpointCheck.Failed.class);
    EndpointCheck.Failed failed = (EndpointCheck.Failed) delegated;
    assertThat(failed.problem()).isEqualTo(EndpointProblem.NOT_AUTHORIZED);
    assertThat(failed.message()).contains("does not offer SASL PLAIN").contains("admin's mailbox");
  }
}
