package org.cutover.migration;

import java.time.Duration;

/**
 * The range each runbook wait may take, for a migration's {@code durations} and the {@code
 * cutover.runbook.*} defaults alike: long enough that no timer fires in a loop (a cycle of a
 * nanosecond kept a job executor thread busy for good), short enough that a typo cannot park a
 * migration for centuries. Each has the message key that names its range in words.
 */
public enum DurationLimit {
  /** Waits before a look-up is repeated (TXT record, MX propagation). */
  RETRY_WAIT("PT5S", "P1D", "cutover.durations.retryWait"),
  /** Time between incremental syncs of the batch. */
  SYNC_CYCLE("PT1M", "P30D", "cutover.durations.incrementalSyncCycle"),
  /** The wait after the MX swap before the final sync check. */
  FINAL_WAIT("PT5S", "P365D", "cutover.durations.finalWait"),
  /** The licence deadline and the reminder before it. */
  LICENCE("PT1M", "P365D", "cutover.durations.licence"),
  /** How long a sync worker holds a mailbox between heartbeats (renewed every minute). */
  SYNC_LOCK("PT2M", "P1D", "cutover.durations.syncLock"),
  /** One interval of a step's retry cycle. */
  STEP_RETRY("PT1S", "P1D", "cutover.durations.stepRetry");

  /** The most attempts a count of tries (TXT look-ups, retries of a step) may give. */
  public static final int MAX_ATTEMPTS = 1000;

  private final String min;
  private final String max;
  private final String messageKey;

  DurationLimit(String min, String max, String messageKey) {
    this.min = min;
    this.max = max;
    this.messageKey = messageKey;
  }

  public boolean allows(Duration value) {
    return value != null
        && value.compareTo(Duration.parse(min)) >= 0
        && value.compareTo(Duration.parse(max)) <= 0;
  }

  /** The range as ISO-8601, such as "PT5S to P1D". */
  public String range() {
    return min + " to " + max;
  }

  public Duration min() {
    return Duration.parse(min);
  }

  public Duration max() {
    return Duration.parse(max);
  }

  /** The Bean Validation message template naming the range, {@code {cutover.durations...}}. */
  String template() {
    return "{" + messageKey + "}";
  }

  String messageKey() {
    return messageKey;
  }
}
