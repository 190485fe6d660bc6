package org.cutover.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The runbook's waits, cycles and retries ({@code cutover.runbook.*}); the defaults follow the
 * runbook. A migration may bring its own durations; these apply when it does not. Checked when the
 * application starts: a bad value stops the start with a message naming the property.
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

  public RunbookDefaults {
    List<String> problems = new ArrayList<>();
    positive(problems, "txt-retry-wait", txtRetryWait);
    positive(problems, "mx-propagation-retry-wait", mxPropagationRetryWait);
    positive(problems, "incremental-sync-cycle", incrementalSyncCycle);
    positive(problems, "final-wait", finalWait);
    positive(problems, "licence-deadline", licenceDeadline);
    positive(problems, "licence-reminder-before", licenceReminderBefore);
    positive(problems, "sync-lock-duration", syncLockDuration);
    if (txtMaxAttempts < 1) {
      problems.add("cutover.runbook.txt-max-attempts must be at least 1, not " + txtMaxAttempts);
    }
    if (finalSyncMaxRounds < 0) {
      problems.add(
          "cutover.runbook.final-sync-max-rounds must be 0 or more, not " + finalSyncMaxRounds);
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
    if (syncLockDuration != null && syncLockDuration.compareTo(Duration.ofMinutes(2)) < 0) {
      problems.add(
          "cutover.runbook.sync-lock-duration must be at least PT2M (the worker renews it every"
              + " minute), not "
              + syncLockDuration);
    }
    if (!isRetryCycle(stepRetryCycle)) {
      problems.add(
          "cutover.runbook.step-retry-cycle must be a Camunda retry cycle such as R5/PT5M or"
              + " PT1M,PT5M,PT30M, not '"
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

  private static void positive(List<String> problems, String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      problems.add("cutover.runbook." + property + " must be a positive duration, not " + value);
    }
  }

  private static boolean isRetryCycle(String cycle) {
    if (cycle == null || cycle.isBlank()) {
      return false;
    }
    try {
      if (cycle.startsWith("R")) {
        return new DurationHelper(cycle).getTimes() > 0;
      }
      for (String interval : cycle.split(",")) {
        if (Duration.parse(interval.strip()).isNegative()) {
          return false;
        }
      }
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
