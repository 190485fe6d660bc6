package org.cutover.tenant;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps Microsoft Graph directory writes (POST, PATCH, DELETE) within Microsoft's write limits: a
 * token bucket on a clock (kept as the time the next write is due) that holds {@code burst} writes
 * and refills {@code perSecond} of them each second. Microsoft Entra ID allows an application 3,000
 * writes per 2 minutes 30 seconds in one tenant (20 per second) and a tenant 18,000 writes per 5
 * minutes; creating and licensing 2,000 users is about 4,000 writes. Each write reserves its place
 * and waits until it is due, so writers queue in order; a 429 that comes anyway is still waited out
 * as Retry-After says.
 */
final class WritePacer {

  private final Clock clock;
  private final Duration interval;
  private final Duration tolerance;

  /** When the next write would be due if writes went exactly at the pace. */
  private Instant due;

  WritePacer(Clock clock, double perSecond, int burst) {
    if (!(perSecond > 0)) {
      throw new IllegalArgumentException("Writes per second must be above 0; got " + perSecond);
    }
    if (burst < 1) {
      throw new IllegalArgumentException("The write burst must be at least 1; got " + burst);
    }
    this.clock = clock;
    this.interval = Duration.ofNanos(Math.max(1, Math.round(1e9 / perSecond)));
    this.tolerance = interval.multipliedBy(burst - 1L);
  }

  /**
   * Reserves one write and says how long to wait before sending it: zero while the burst lasts,
   * else the time until the writes reserved before it have been paced out.
   */
  synchronized Duration reserve() {
    Instant now = clock.instant();
    Instant next = due == null || due.isBefore(now) ? now : due;
    Instant sendAt = next.minus(tolerance);
    due = next.plus(interval);
    return sendAt.isAfter(now) ? Duration.between(now, sendAt) : Duration.ZERO;
  }
}
