package org.cutover.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The runbook's waits for this migration; each one left out takes its {@code cutover.runbook.*}
 * default.
 */
@Schema(
    description =
        "Runbook waits for this migration (ISO-8601 durations such as PT15M); each one left out"
            + " takes its cutover.runbook.* default")
@ConsistentSettings
public record DurationOverrides(
    @Schema(description = "Wait between TXT record look-ups, PT5S to P1D", example = "PT15M")
        Duration txtRetryWait,
    @Schema(
            description = "TXT look-ups before the administrator is asked, 1 to 1000",
            example = "8")
        @Min(value = 1, message = "{cutover.durations.txtMaxAttempts}")
        @Max(value = DurationLimit.MAX_ATTEMPTS, message = "{cutover.durations.txtMaxAttempts}")
        Integer txtMaxAttempts,
    @Schema(description = "Wait between MX propagation checks, PT5S to P1D", example = "PT10M")
        Duration mxPropagationRetryWait,
    @Schema(description = "Time between incremental syncs, PT1M to P30D", example = "PT24H")
        Duration incrementalSyncCycle,
    @Schema(
            description = "Wait after the MX swap before the final sync, PT5S to P365D",
            example = "PT72H")
        Duration finalWait,
    @Schema(description = "Time to assign licences, PT1M to P365D", example = "P30D")
        Duration licenceDeadline,
    @Schema(
            description = "Reminder this long before the licence deadline, PT1M to P365D",
            example = "P7D")
        Duration licenceReminderBefore)
    implements CrossFieldRules {

  private static final Map<String, DurationLimit> LIMITS =
      Map.of(
          "txtRetryWait", DurationLimit.RETRY_WAIT,
          "mxPropagationRetryWait", DurationLimit.RETRY_WAIT,
          "incrementalSyncCycle", DurationLimit.SYNC_CYCLE,
          "finalWait", DurationLimit.FINAL_WAIT,
          "licenceDeadline", DurationLimit.LICENCE,
          "licenceReminderBefore", DurationLimit.LICENCE);

  public static final DurationOverrides NONE =
      new DurationOverrides(null, null, null, null, null, null, null);

  @Override
  public void check(RuleViolations violations) {
    durations()
        .forEach(
            (name, value) -> {
              DurationLimit limit = LIMITS.get(name);
              if (value != null && !limit.allows(value)) {
                violations.on(name, limit.template());
              }
            });
    if (licenceDeadline != null
        && licenceReminderBefore != null
        && licenceReminderBefore.compareTo(licenceDeadline) >= 0) {
      violations.on("licenceReminderBefore", "{cutover.durations.reminder}");
    }
  }

  private Map<String, Duration> durations() {
    Map<String, Duration> durations = new LinkedHashMap<>();
    durations.put("txtRetryWait", txtRetryWait);
    durations.put("mxPropagationRetryWait", mxPropagationRetryWait);
    durations.put("incrementalSyncCycle", incrementalSyncCycle);
    durations.put("finalWait", finalWait);
    durations.put("licenceDeadline", licenceDeadline);
    durations.put("licenceReminderBefore", licenceReminderBefore);
    return durations;
  }

  /** As stored: {@code name=ISO-8601;...} for the values given, empty for none. */
  String toText() {
    StringBuilder text = new StringBuilder();
    durations()
        .forEach(
            (name, value) -> {
              if (value != null) {
                text.append(name).append('=').append(value).append(';');
              }
            });
    if (txtMaxAttempts != null) {
      text.append("txtMaxAttempts=").append(txtMaxAttempts).append(';');
    }
    return text.toString();
  }

  static DurationOverrides fromText(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : text.split(";")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        values.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return new DurationOverrides(
        duration(values.get("txtRetryWait")),
        values.containsKey("txtMaxAttempts") ? Integer.valueOf(values.get("txtMaxAttempts")) : null,
        duration(values.get("mxPropagationRetryWait")),
        duration(values.get("incrementalSyncCycle")),
        duration(values.get("finalWait")),
        duration(values.get("licenceDeadline")),
        duration(values.get("licenceReminderBefore")));
  }

  private static Duration duration(String text) {
    return text == null ? null : Duration.parse(text);
  }
}
