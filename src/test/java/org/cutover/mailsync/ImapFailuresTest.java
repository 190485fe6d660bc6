package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.Response;
import org.junit.jupiter.api.Test;

class ImapFailuresTest {

  @Test
  void recognisesThrottlingResponseCodesAndExchangeText() {
    assertThat(ImapFailures.isThrottled("NO [THROTTLED] slow down")).isTrue();
    assertThat(ImapFailures.isThrottled("NO [UNAVAILABLE] try later")).isTrue();
    assertThat(ImapFailures.isThrottled("NO [INUSE] mailbox locked")).isTrue();
    assertThat(
            ImapFailures.isThrottled(
                "BAD Request is throttled. Suggested Backoff Time: 298000 milliseconds"))
        .isTrue();
    assertThat(ImapFailures.isThrottled("NO [TRYCREATE] no such mailbox")).isFalse();
  }

  @Test
  void aByeTheServerSentAsksEveryClientToWait() throws Exception {
    ConnectionException bye =
        new ConnectionException(null, new Response("* BYE Server shutting down."));

    ImapFailure f =
        ImapFailures.fromCommand(
            "source u@h:993", "UID FETCH", new MessagingException("gone", bye));

    assertThat(f.serverAskedToWait()).isTrue();
    assertThat(f.problem()).isEqualTo(EndpointProblem.CONNECTION_LOST);
    assertThat(f.getMessage()).contains("BYE Server shutting down");
  }

  @Test
  void aByeThatSaysUnavailableIsAThrottle() throws Exception {
    ConnectionException bye =
        new ConnectionException(null, new Response("* BYE [UNAVAILABLE] Server Unavailable. 15"));

    ImapFailure f =
        ImapFailures.fromCommand("target u@h:993", "LOGIN", new MessagingException("gone", bye));

    assertThat(f.problem()).isEqualTo(EndpointProblem.THROTTLED);
    assertThat(f.serverAskedToWait()).isTrue();
  }

  @Test
  void aByeOnAnOpenFolderAsksToWaitToo() {
    ImapFailure f =
        ImapFailures.connectionLost(
            "target u@h:993",
            "SELECT INBOX",
            new jakarta.mail.StoreClosedException(null, "* BYE Server shutting down."));

    assertThat(f.serverAskedToWait()).isTrue();
    assertThat(
            ImapFailures.connectionLost(
                    "target u@h:993",
                    "SELECT INBOX",
                    new jakarta.mail.StoreClosedException(
                        null, "* BYE Jakarta Mail Exception: java.io.EOFException"))
                .serverAskedToWait())
        .isFalse();
  }

  @Test
  void aDroppedSocketIsNoRequestToWait() {
    ConnectionException dropped =
        new ConnectionException(null, Response.byeResponse(new IOException("reset")));

    ImapFailure f =
        ImapFailures.fromCommand(
            "source u@h:993", "UID FETCH", new MessagingException("gone", dropped));

    assertThat(f.problem()).isEqualTo(EndpointProblem.CONNECTION_LOST);
    assertThat(f.serverAskedToWait()).isFalse();
  }

  @Test
  void readsTheServersBackoffHint() {
    assertThat(
            ImapFailures.backoffHint(
                "Request is throttled. Suggested Backoff Time: 298000 milliseconds"))
        .isEqualTo(Duration.ofMillis(298000));
    assertThat(ImapFailures.backoffHint("NO [THROTTLED]")).isNull();
  }

  @Test
  void turnsAFullMailboxIntoAnAdministratorsProblem() {
    ImapFailure f =
        ImapFailures.fromText("target u@h:993", "APPEND to INBOX", "NO [OVERQUOTA] Quota exceeded");

    assertThat(f.problem()).isEqualTo(EndpointProblem.OVER_QUOTA);
    assertThat(f.retryable()).isFalse();
    assertThat(f.getMessage()).contains("u@h:993", "raise its quota");
  }

  @Test
  void retriesThrottlingAndLostConnectionsButNotBadCredentials() {
    assertThat(new ImapFailure(EndpointProblem.THROTTLED, "x").retryable()).isTrue();
    assertThat(new ImapFailure(EndpointProblem.CONNECTION_LOST, "x").retryable()).isTrue();
    assertThat(new ImapFailure(EndpointProblem.CONNECTION_REFUSED, "x").retryable()).isFalse();
    assertThat(new ImapFailure(EndpointProblem.CONNECTION_REFUSED, "x").retryableAfterDrop())
        .isTrue();
    assertThat(new ImapFailure(EndpointProblem.BAD_CREDENTIALS, "x").retryable()).isFalse();
    assertThat(new ImapFailure(EndpointProblem.TLS_UNTRUSTED, "x").retryable()).isFalse();
  }

  @Test
  void aRefusedPasswordNamesTheSideWhoseLoginWasRefused() {
    SourceAccount account =
        new SourceAccount(
            ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", 143),
            ImapLogin.password("anna", () -> "secret".toCharArray()));

    ImapFailure f =
        ImapFailures.loginRefused(
            "source", account, "NO [AUTHENTICATIONFAILED] Authentication failed.");

    assertThat(f.problem()).isEqualTo(EndpointProblem.BAD_CREDENTIALS);
    assertThat(f.refusedLogin()).isEqualTo("source");
    assertThat(f.getMessage()).contains("AUTHENTICATIONFAILED").doesNotContain("secret");
  }
}
