package org.cutover.migration.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The letters about the planned switch ({@code cutover.letters.switch-*}).
 *
 * @param switchReminderBefore how long before the planned switch every user gets the reminder
 */
@ConfigurationProperties("cutover.letters")
public record SwitchLetterSettings(@DefaultValue("P1D") Duration switchReminderBefore) {

  public SwitchLetterSettings {
    if (switchReminderBefore.isNegative() || switchReminderBefore.isZero()) {
      throw new IllegalArgumentException(
          "cutover.letters.switch-reminder-before must be longer than zero, such as P1D");
    }
  }
}
