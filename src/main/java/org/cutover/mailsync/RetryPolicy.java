package org.cutover.mailsync;

import java.time.Duration;

/**
 * How often and how patiently passing failures (dropped connections, time-outs, throttling) are
 * retried before a mailbox is given up for this pass. The wait doubles from {@code firstWait} up to
 * {@code maxWait}; a server's own back-off hint is honoured up to {@code maxWait}.
 */
public record RetryPolicy(int maxAttempts, Duration firstWait, Duration maxWait) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
    if (firstWait == null || firstWait.isNegative() || maxWait == null || maxWait.isNegative()) {
      throw new IllegalArgumentException("retry waits must be zero or positive");
    }
    if (maxWait.compareTo(firstWait) < 0) {
      maxWait = firstWait;
    }
  }

  /** Six attempts, waiting 2 s, 4 s, 8 s … up to 5 minutes. */
  public static RetryPolicy standard() {
    return new RetryPolicy(6, Duration.ofSeconds(2), Duration.ofMinutes(5));
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  Duration waitAfter(int attempt, Duration serverHint) {
    long factor = 1L << Math.min(20, Math.max(0, attempt - 1));
    Duration wait = firstWait.multipliedBy(factor);
    if (serverHint != null && serverHint.compareTo(wait) > 0) {
      wait = serverHint;
    }
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
