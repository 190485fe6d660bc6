package org.cutover.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void readsDeltaSeconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  void readsDecimalSecondsToTheMillisecond() {
    assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
    assertThat(RetryAfter.parse("0.0015", NOW)).contains(Duration.ofMillis(1));
  }

  @Test
  void readsAnHttpDateAsTheTimeUntilThen() {
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 10:01:30 GMT", NOW))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void anHttpDateAlreadyPastAsksForNoWait() {
    assertThat(RetryAfter.parse("Sun, 01 Mar 2026 09:59:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void anUnreadableValueIsNoAnswer() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1e3", NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
  }

  @Test
  void anEnormousDelayIsKeptWithoutOverflow() {
    assertThat(RetryAfter.parse("99999999999999999999999", NOW))
        .hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofDays(365_000)));
  }
}
