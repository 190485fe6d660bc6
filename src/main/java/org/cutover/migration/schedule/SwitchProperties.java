package org.cutover.migration.schedule;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of a planned switch ({@code cutover.switch.*}).
 *
 * @param margin before the MX TTL is lowered: time the runbook needs at least until it lowers the
 *     TTL (announcement, domain verification, DNS approval), added to the earliest switch time
 * @param assumedOldMxTtl before the MX TTL is lowered, the old TTL the earliest switch time counts
 *     with (Cutover reads the real one only when it lowers it)
 */
@ConfigurationProperties("cutover.switch")
public record SwitchProperties(
    @DefaultValue("PT1H") Duration margin, @DefaultValue("PT24H") Duration assumedOldMxTtl) {

  public SwitchProperties {
    if (margin.isNegative() || assumedOldMxTtl.isNegative()) {
      throw new IllegalArgumentException(
          "cutover.switch.margin and cutover.switch.assumed-old-mx-ttl must not be negative");
    }
  }
}
