package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
        .hasMessageContaining("cutover.runbook.final-wait must be a positive duration")
        .hasMessageContaining("cutover.runbook.txt-max-attempts must be at least 1")
        .hasMessageContaining(
            "cutover.runbook.licence-reminder-before (PT720H) must be shorter than"
                + " cutover.runbook.licence-deadline (PT720H)")
        .hasMessageContaining("cutover.runbook.step-retry-cycle must be a Camunda retry cycle");
  }
}
