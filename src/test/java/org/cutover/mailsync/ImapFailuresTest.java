package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
}
