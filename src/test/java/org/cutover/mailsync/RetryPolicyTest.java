package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private final RetryPolicy policy =
      new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofSeconds(30));

  @Test
  void doublesTheWaitUpToTheMaximum() {
    assertThat(policy.waitAfter(1, null)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.waitAfter(2, null)).isEqualTo(Duration.ofSeconds(4));
    assertThat(policy.waitAfter(4, null)).isEqualTo(Duration.ofSeconds(16));
    assertThat(policy.waitAfter(5, null)).isEqualTo(Duration.ofSeconds(30));
    assertThat(policy.waitAfter(60, null)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void honoursALongerServerHintWithinTheMaximum() {
    assertThat(policy.waitAfter(1, Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(10));
    assertThat(policy.waitAfter(1, Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
  }
}
