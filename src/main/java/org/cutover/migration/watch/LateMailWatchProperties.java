package org.cutover.migration.watch;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The watch for late mail after the batch is deleted ({@code cutover.watch.*}).
 *
 * @param duration how long the source is watched after the batch is deleted (7 days)
 * @param checkInterval time between two looks at the source during the watch
 */
@ConfigurationProperties("cutover.watch")
record LateMailWatchProperties(
    @DefaultValue("P7D") Duration duration, @DefaultValue("PT1H") Duration checkInterval) {

  static final Duration SHORTEST_CHECK = Duration.ofSeconds(5);
  static final Duration LONGEST = Duration.ofDays(365);

  LateMailWatchProperties {
    if (duration.isNegative() || duration.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "cutover.watch.duration must be from PT0S (no watch) to P365D, not " + duration);
    }
    if (checkInterval.compareTo(SHORTEST_CHECK) < 0 || checkInterval.compareTo(LONGEST) > 0) {
      throw new IllegalArgumentException(
          "cutover.watch.check-interval must be from PT5S to P365D, not " + checkInterval);
    }
  }
}
