package org.cutover.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

/** The token bucket that paces directory writes, on a clock the test moves. */
class WritePacerTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));

  @Test
  void aBurstGoesAtOnceThenEachWriteWaitsItsTurn() {
    WritePacer pacer = new WritePacer(clock, 2, 3);

    List<Duration> waits = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      waits.add(pacer.reserve());
    }

    assertThat(waits)
        .containsExactly(
            Duration.ZERO,
            Duration.ZERO,
            Duration.ZERO,
            Duration.ofMillis(500),
            Duration.ofMillis(1000),
            Duration.ofMillis(1500));
  }

  @Test
  void timeRefillsTheBucketButNeverAboveTheBurst() {
    WritePacer pacer = new WritePacer(clock, 1, 2);
    pacer.reserve();
    pacer.reserve();
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofSeconds(1));
    assertThat(pacer.reserve())
        .as("one token came back, one write was still owed")
        .isEqualTo(Duration.ofSeconds(1));

    clock.advance(Duration.ofHours(1));
    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isZero();
    assertThat(pacer.reserve()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void writesSpreadOverTheWindowStayWithinMicrosoftsLimit() {
    // Microsoft Entra ID: 3,000 writes per application and tenant in any 150 seconds.
    WritePacer pacer = new WritePacer(clock, 10, 20);
    Instant start = clock.instant();
    List<Instant> sent = new ArrayList<>();
    for (int i = 0; i < 4000; i++) {
      Duration wait = pacer.reserve();
      clock.advance(wait);
      sent.add(clock.instant());
    }

    int mostInAWindow = 0;
    int first = 0;
    for (int last = 0; last < sent.size(); last++) {
      while (Duration.between(sent.get(first), sent.get(last)).compareTo(Duration.ofSeconds(150))
          >= 0) {
        first++;
      }
      mostInAWindow = Math.max(mostInAWindow, last - first + 1);
    }
    assertThat(mostInAWindow).isLessThanOrEqualTo(3000).isEqualTo(20 + 1500 - 1);
    assertThat(Duration.between(start, sent.get(sent.size() - 1)))
        .isEqualTo(Duration.ofMillis(398_000));
  }

  @Test
  void refusesAPaceThatCannotBeKept() {
    assertThatThrownBy(() -> new WritePacer(clock, 0, 1)).hasMessageContaining("above 0");
    assertThatThrownBy(() -> new WritePacer(clock, 1, 0)).hasMessageContaining("at least 1");
  }
}
