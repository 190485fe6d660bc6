package org.cutover.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.reports.PassHistory;

/**
 * The batch's messages and bytes copied, summed into buckets of one round width (a minute, five
 * minutes, an hour, a day…) from the first pass's start to the last pass's end: the narrowest width
 * that needs no more than the buckets asked for. A pass counts in the bucket in which it ended.
 * Buckets start at whole multiples of the width in UTC, so that their edges read as round times.
 */
record CopiedOverTime(Duration width, List<Bucket> buckets) {

  /** Widths to choose from, narrowest first; beyond the last, whole weeks. */
  static final List<Duration> WIDTHS =
      List.of(
          Duration.ofMinutes(1),
          Duration.ofMinutes(2),
          Duration.ofMinutes(5),
          Duration.ofMinutes(10),
          Duration.ofMinutes(15),
          Duration.ofMinutes(30),
          Duration.ofHours(1),
          Duration.ofHours(2),
          Duration.ofHours(3),
          Duration.ofHours(6),
          Duration.ofHours(12),
          Duration.ofDays(1),
          Duration.ofDays(2),
          Duration.ofDays(7));

  /** One bucket: what passes that ended in it copied, and everything copied up to its end. */
  record Bucket(
      Instant start, Instant end, long messages, long bytes, long messagesSoFar, long bytesSoFar) {}

  CopiedOverTime {
    buckets = List.copyOf(buckets);
  }

  /**
   * The passes' copies in at most {@code most} buckets; no bucket when no pass has ended.
   *
   * @param most at least 1
   */
  static CopiedOverTime of(PassHistory history, int most) {
    if (most < 1) {
      throw new IllegalArgumentException("at least one bucket is needed, not " + most);
    }
    if (history.passes() == 0) {
      return new CopiedOverTime(WIDTHS.get(0), List.of());
    }
    Instant from = history.firstStarted();
    Instant to = history.lastEnded().isBefore(from) ? from : history.lastEnded();
    Duration width = width(from, to, most);
    Instant start = floor(from, width);
    int count = count(start, to, width);
    long[] messages = new long[count];
    long[] bytes = new long[count];
    for (PassHistory.Copied copied : history.copies()) {
      int index = (int) Math.min(count - 1, Math.max(0, index(start, copied.ended(), width)));
      messages[index] += copied.messages();
      bytes[index] += copied.bytes();
    }
    List<Bucket> buckets = new ArrayList<>(count);
    long messagesSoFar = 0;
    long bytesSoFar = 0;
    for (int i = 0; i < count; i++) {
      messagesSoFar += messages[i];
      bytesSoFar += bytes[i];
      Instant bucketStart = start.plus(width.multipliedBy(i));
      buckets.add(
          new Bucket(
              bucketStart,
              bucketStart.plus(width),
              messages[i],
              bytes[i],
              messagesSoFar,
              bytesSoFar));
    }
    return new CopiedOverTime(width, buckets);
  }

  /** Where the first bucket starts; null without buckets. */
  Instant start() {
    return buckets.isEmpty() ? null : buckets.get(0).start();
  }

  /** Where the last bucket ends; null without buckets. */
  Instant end() {
    return buckets.isEmpty() ? null : buckets.get(buckets.size() - 1).end();
  }

  long messages() {
    return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).messagesSoFar();
  }

  long bytes() {
    return buckets.isEmpty() ? 0 : buckets.get(buckets.size() - 1).bytesSoFar();
  }

  /** The narrowest width from the list, or whole weeks, that covers the span in few enough. */
  static Duration width(Instant from, Instant to, int most) {
    for (Duration width : WIDTHS) {
      if (count(floor(from, width), to, width) <= most) {
        return width;
      }
    }
    Duration week = Duration.ofDays(7);
    long weeks = Duration.between(from, to).toSeconds() / week.toSeconds() / most + 1;
    while (count(floor(from, week.multipliedBy(weeks)), to, week.multipliedBy(weeks)) > most) {
      weeks++;
    }
    return week.multipliedBy(weeks);
  }

  private static int count(Instant start, Instant to, Duration width) {
    return (int) Math.min(Integer.MAX_VALUE, index(start, to, width) + 1);
  }

  private static long index(Instant start, Instant at, Duration width) {
    return Math.floorDiv(Duration.between(start, at).toSeconds(), width.toSeconds());
  }

  private static Instant floor(Instant at, Duration width) {
    long seconds = width.toSeconds();
    return Instant.ofEpochSecond(Math.floorDiv(at.getEpochSecond(), seconds) * seconds);
  }
}
