package org.cutover.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.reports.PassHistory;
import org.junit.jupiter.api.Test;

class CopiedOverTimeTest {

  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static PassHistory.Copied copied(Instant ended, long messages, long bytes) {
    return new PassHistory.Copied(ended, messages, bytes);
  }

  @Test
  void noPassGivesNoBucket() {
    CopiedOverTime over = CopiedOverTime.of(PassHistory.none(), 60);

    assertThat(over.buckets()).isEmpty();
    assertThat(over.messages()).isZero();
    assertThat(over.start()).isNull();
  }

  @Test
  void onePassIsOneBucketFromItsStartToItsEnd() {
    Instant ended = T0.plusSeconds(40);
    PassHistory one = new PassHistory(1, T0, ended, List.of(copied(ended, 12, 1200)));

    CopiedOverTime over = CopiedOverTime.of(one, 60);

    assertThat(over.width()).isEqualTo(Duration.ofMinutes(1));
    assertThat(over.buckets())
        .containsExactly(new CopiedOverTime.Bucket(T0, T0.plusSeconds(60), 12, 1200, 12, 1200));
  }

  @Test
  void passesCountInTheBucketTheyEndedInAndAccumulate() {
    PassHistory history =
        new PassHistory(
            4,
            T0.plusSeconds(30),
            T0.plusSeconds(4 * 60 + 10),
            List.of(
                copied(T0.plusSeconds(50), 10, 100),
                copied(T0.plusSeconds(59), 5, 50),
                copied(T0.plusSeconds(60), 1, 10),
                copied(T0.plusSeconds(4 * 60 + 10), 100, 1000)));

    CopiedOverTime over = CopiedOverTime.of(history, 60);

    assertThat(over.width()).isEqualTo(Duration.ofMinutes(1));
    assertThat(over.buckets())
        .extracting(CopiedOverTime.Bucket::messages)
        .containsExactly(15L, 1L, 0L, 0L, 100L);
    assertThat(over.buckets())
        .extracting(CopiedOverTime.Bucket::messagesSoFar)
        .containsExactly(15L, 16L, 16L, 16L, 116L);
    assertThat(over.buckets())
        .extracting(CopiedOverTime.Bucket::bytesSoFar)
        .containsExactly(150L, 160L, 160L, 160L, 1160L);
    assertThat(over.start()).isEqualTo(T0);
    assertThat(over.end()).isEqualTo(T0.plusSeconds(5 * 60));
    assertThat(over.messages()).isEqualTo(116);
    assertThat(over.bytes()).isEqualTo(1160);
  }

  @Test
  void theWidthIsTheNarrowestRoundOneThatNeedsNoMoreBucketsThanAsked() {
    // 10:07 to 13:52: 226 one-minute buckets, 45 of five minutes (10:05 to 13:55)
    Instant from = T0.plusSeconds(7 * 60);
    Instant to = T0.plusSeconds(3 * 3600 + 52 * 60);

    CopiedOverTime over =
        CopiedOverTime.of(new PassHistory(2, from, to, List.of(copied(to, 1, 1))), 60);

    assertThat(over.width()).isEqualTo(Duration.ofMinutes(5));
    assertThat(over.buckets()).hasSize(46);
    assertThat(over.start()).isEqualTo(T0.plusSeconds(5 * 60));
    assertThat(over.end()).isEqualTo(T0.plusSeconds(3 * 3600 + 55 * 60));
    assertThat(CopiedOverTime.width(from, to, 10)).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void bucketsStartAtRoundTimesInUtc() {
    Instant from = Instant.parse("2026-03-01T10:17:00Z");
    Instant to = Instant.parse("2026-03-04T02:00:00Z");

    CopiedOverTime over =
        CopiedOverTime.of(new PassHistory(2, from, to, List.of(copied(to, 1, 1))), 60);

    assertThat(over.width()).isEqualTo(Duration.ofHours(2));
    assertThat(over.start()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
    assertThat(over.buckets()).hasSizeLessThanOrEqualTo(60);
  }

  @Test
  void aBatchOfMonthsIsCountedInWholeWeeks() {
    Instant from = Instant.parse("2026-01-01T00:00:00Z");
    Instant to = from.plus(Duration.ofDays(900));

    CopiedOverTime over =
        CopiedOverTime.of(new PassHistory(2, from, to, List.of(copied(to, 7, 70))), 60);

    assertThat(over.width().toDays() % 7).isZero();
    assertThat(over.buckets()).hasSizeLessThanOrEqualTo(60);
    assertThat(over.buckets().get(over.buckets().size() - 1).messagesSoFar()).isEqualTo(7);
  }

  @Test
  void manyPassesNeverGiveMoreBucketsThanAsked() {
    List<PassHistory.Copied> copies = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      copies.add(copied(T0.plusSeconds(17L * i), 1, 3));
    }
    PassHistory history = new PassHistory(2000, T0, T0.plusSeconds(17L * 1999), copies);

    CopiedOverTime over = CopiedOverTime.of(history, 60);

    assertThat(over.buckets()).hasSizeLessThanOrEqualTo(60).hasSizeGreaterThan(10);
    assertThat(over.messages()).isEqualTo(2000);
    assertThat(over.bytes()).isEqualTo(6000);
    assertThat(over.buckets()).extracting(CopiedOverTime.Bucket::messages).allMatch(m -> m > 0);
  }

  @Test
  void aBucketIsNeeded() {
    assertThatThrownBy(() -> CopiedOverTime.of(PassHistory.none(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theAxisEndsAtARoundValue() {
    assertThat(CopiedChart.roundUp(0, 1000)).isEqualTo(1);
    assertThat(CopiedChart.roundUp(120, 1000)).isEqualTo(200);
    assertThat(CopiedChart.roundUp(200, 1000)).isEqualTo(200);
    assertThat(CopiedChart.roundUp(4_100, 1000)).isEqualTo(5_000);
    assertThat(CopiedChart.roundUp(2_000_000, 1024)).isEqualTo(2L << 20);
    assertThat(CopiedChart.roundUp(700L << 30, 1024)).isEqualTo(1000L << 30);
  }
}
