package org.cutover.migration.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the MX records are swapped: the instant, the zone the administrator gave it in (letters name
 * the time in that zone) and how often it was moved since it was first set (0: never).
 */
public record PlannedSwitch(Instant at, String zone, int move) {

  public ZonedDateTime local() {
    return at.atZone(ZoneId.of(zone));
  }
}
