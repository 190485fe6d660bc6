package org.cutover.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cutover.migration.DurationLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The runbook's waits, cycles and retries ({@code cutover.runbook.*}); the defaults follow the
 * runbook. A migration may bring its own durations; these apply when it does not. Checked when the
 * application starts: a bad value stops the start with a message naming the property and the range
 * it must be in ({@link DurationLimit}, the same limits as a migration's own durations).
 *
 * @param txtRetryWait wait before looking up the domain's TXT record again
 * @param txtMaxAttempts look-ups of the TXT record before the administrator is asked to fix it
 * @param mxPropagationRetryWait wait before checking the MX propagation again
 * @param incrementalSyncCycle time between two incremental syncs of the batch
 * @param finalWait wait after the MX swap before the final sync is verified (72 hours)
 * @param licenceDeadline time from the batch start until every user must have a licence
 * @param licenceReminderBefore how long before that deadline the reminder is sent
 * @param stepRetryCycle retries of a failed service step, as a Camunda retry cycle ({@code
 *     R5/PT5M}: five tries five minutes apart, or a list such as {@code PT1M,PT5M,PT30M})
 * @param finalSyncMaxRounds rounds of syncing lagging mailboxes again before the administrator
 *     decides
 * @param syncLockDuration how long a mailbox sync worker holds its task between two heartbeats
 */
@ConfigurationProperties("cutover.runbook")
public record RunbookDefaults(
    @DefaultValue("PT15M") Duration txtRetryWait,
    @DefaultValue("8") int txtMaxAttempts,
    @DefaultValue("PT15M") Duration mxPropagationRetryWait,
    @DefaultValue("PT24H") Duration incrementalSyncCycle,
    @DefaultValue("PT72H") Duration finalWait,
    @DefaultValue("P30D") Duration licenceDeadline,
    @DefaultValue("P7D") Duration licenceReminderBefore,
    @DefaultValue("R5/PT5M") String stepRetryCycle,
    @DefaultValue("3") int finalSyncMaxRounds,
    @DefaultValue("PT10M") Duration syncLockDuration) {

  /** Rounds of syncing lagging mailboxes again at most. */
  static final int MAX_FINAL_SYNC_ROUNDS = 100;

  private static final Pattern REPEATED = Pattern.compile("R(\\d{1,6})/(P[^/]+)");

  public RunbookDefaults {
    List<String> problems = new ArrayList<>();
    within(problems, "txt-retry-wait", txtRetryWait, DurationLimit.RETRY_WAIT);
    within(problems, "mx-propagation-retry-wait", mxPropagationRetryWait, DurationLimit.RETRY_WAIT);
    within(problems, "incremental-sync-cycle", incrementalSyncCycle, DurationLimit.SYNC_CYCLE);
    within(problems, "final-wait", finalWait, DurationLimit.FINAL_WAIT);
    within(problems, "licence-deadline", licenceDeadline, DurationLimit.LICENCE);
    within(problems, "licence-reminder-before", licenceReminderBefore, DurationLimit.LICENCE);
    within(problems, "sync-lock-duration", syncLockDuration, DurationLimit.SYNC_LOCK);
    if (txtMaxAttempts < 1 || txtMaxAttempts > DurationLimit.MAX_ATTEMPTS) {
      problems.add(
          "cutover.runbook.txt-max-attempts must be from 1 to "
              + DurationLimit.MAX_ATTEMPTS
              + ", not "
              + txtMaxAttempts);
    }
    if (finalSyncMaxRounds < 0 || finalSyncMaxRounds > MAX_FINAL_SYNC_ROUNDS) {
      problems.add(
          "cutover.runbook.final-sync-max-rounds must be from 0 to "
              + MAX_FINAL_SYNC_ROUNDS
              + ", not "
              + finalSyncMaxRounds);
    }
    if (licenceDeadline != null
        && licenceReminderBefore != null
        && licenceReminderBefore.compareTo(licenceDeadline) >= 0) {
      problems.add(
          "cutover.runbook.licence-reminder-before ("
              + licenceReminderBefore
              + ") must be shorter than cutover.runbook.licence-deadline ("
              + licenceDeadline
              + ")");
    }
    if (!isRetryCycle(stepRetryCycle)) {
      problems.add(
          "cutover.runbook.step-retry-cycle must be a Camunda retry cycle such as R5/PT5M or"
              + " PT1M,PT5M,PT30M, of 1 to "
              + DurationLimit.MAX_ATTEMPTS
              + " tries "
              + DurationLimit.STEP_RETRY.range()
              + " apart, not '"
              + stepRetryCycle
              + "'");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  /** The time from the batch start until the licence reminder goes out. */
  public Duration licenceReminderAfter() {
    return licenceDeadline.minus(licenceReminderBefore);
  }

  private static void within(
      List<String> problems, String property, Duration value, DurationLimit limit) {
    if (!limit.allows(value)) {
      problems.add(
          "cutover.runbook." + property + " must be from " + limit.range() + ", not " + value);
    }
  }

  /** {@code R<tries>/<interval>} or a list of intervals, each interval within its limit. */
  private static boolean isRetryCycle(String cycle) {
    if (cycle == null || cycle.isBlank()) {
      return false;
    }
    try {
      Matcher repeated = REPEATED.matcher(cycle.strip());
      if (repeated.matches()) {
        int tries = Integer.parseInt(repeated.group(1));
        return tries >= 1
            && tries <= DurationLimit.MAX_ATTEMPTS
            && DurationLimit.STEP_RETRY.allows(Duration.parse(repeated.group(2)));
      }
      String[] intervals = cycle.split(",");
      if (intervals.length > DurationLimit.MAX_ATTEMPTS) {
        return false;
      }
      for (String interval : intervals) {
        if (!DurationLimit.STEP_RETRY.allows(Duration.parse(interval.strip()))) {
          return false;
        }
      }
      return true;
    } catch (RuntimeException unreadable) {
      return false;
    }
  }
}
