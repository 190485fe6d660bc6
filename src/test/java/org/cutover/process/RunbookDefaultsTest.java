package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RunbookDefaultsTest {

  private static RunbookDefaults bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("cutover.runbook", RunbookDefaults.class);
  }

  @Test
  void defaultsFollowTheRunbook() {
    RunbookDefaults defaults = bind(Map.of());

    assertThat(defaults.txtRetryWait()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.txtMaxAttempts()).isEqualTo(8);
    assertThat(defaults.mxPropagationRetryWait()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.incrementalSyncCycle()).isEqualTo(Duration.ofHours(24));
    assertThat(defaults.finalWait()).isEqualTo(Duration.ofHours(72));
    assertThat(defaults.licenceDeadline()).isEqualTo(Duration.ofDays(30));
    assertThat(defaults.licenceReminderBefore()).isEqualTo(Duration.ofDays(7));
    assertThat(defaults.licenceReminderAfter()).isEqualTo(Duration.ofDays(23));
    assertThat(defaults.stepRetryCycle()).isEqualTo("R5/PT5M");
    assertThat(defaults.finalSyncMaxRounds()).isEqualTo(3);
    assertThat(defaults.syncLockDuration()).isEqualTo(Duration.ofMinutes(10));
  }

  @Test
  void shorterWaitsForTheDemoBindInEitherNotation() {
    RunbookDefaults defaults =
        bind(
            Map.of(
                "cutover.runbook.final-wait", "5m",
                "cutover.runbook.txt-retry-wait", "PT30S",
                "cutover.runbook.step-retry-cycle", "PT10S,PT1M,PT5M"));

    assertThat(defaults.finalWait()).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.txtRetryWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(defaults.stepRetryCycle()).isEqualTo("PT10S,PT1M,PT5M");
  }

  @Test
  void refusesValuesTheRunbookCannotUseNamingEachProperty() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "cutover.runbook.final-wait", "0s",
                        "cutover.runbook.txt-max-attempts", "0",
                        "cutover.runbook.licence-reminder-before", "P30D",
                        "cutover.runbook.step-retry-cycle", "every five minutes")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining("cutover.runbook.final-wait must be from PT5S to P365D, not PT0S")
        .hasMessageContaining("cutover.runbook.txt-max-attempts must be from 1 to 1000, not 0")
        .hasMessageContaining(
            "cutover.runbook.licence-reminder-before (PT720H) must be shorter than"
                + " cutover.runbook.licence-deadline (PT720H)")
        .hasMessageContaining("cutover.runbook.step-retry-cycle must be a Camunda retry cycle");
  }

  @Test
  void refusesACycleShorterThanAMinuteOrWaitsLongerThanTheirLimit() {
    assertThatThrownBy(
            () ->
                bind(
                    Map.of(
                        "cutover.runbook.incremental-sync-cycle", "PT0.000000001S",
                        "cutover.runbook.txt-retry-wait", "P2D",
                        "cutover.runbook.final-wait", "P100000D",
                        "cutover.runbook.sync-lock-duration", "PT1M",
                        "cutover.runbook.final-sync-max-rounds", "1000000")))
        .isInstanceOf(BindException.class)
        .rootCause()
        .hasMessageContaining(
            "cutover.runbook.incremental-sync-cycle must be from PT1M to P30D, not PT0.000000001S")
        .hasMessageContaining("cutover.runbook.txt-retry-wait must be from PT5S to P1D, not PT48H")
        .hasMessageContaining("cutover.runbook.final-wait must be from PT5S to P365D")
        .hasMessageContaining("cutover.runbook.sync-lock-duration must be from PT2M to P1D")
        .hasMessageContaining("cutover.runbook.final-sync-max-rounds must be from 0 to 100");
  }

  @Test
  void refusesARetryCycleOfNanosecondsOrEndlessTries() {
    for (String cycle : List.of("R5/PT0.000000001S", "R1000000/PT5M", "PT0S,PT5M", "R5/P2D")) {
      assertThatThrownBy(
              () -> bind(Map.of("cutover.runbook.step-retry-cycle", cycle)), "cycle %s", cycle)
          .rootCause()
          .hasMessageContaining("cutover.runbook.step-retry-cycle must be a Camunda retry cycle");
    }
    assertThat(bind(Map.of("cutover.runbook.step-retry-cycle", "R3/PT10S")).stepRetryCycle())
        .isEqualTo("R3/PT10S");
  }
}
