package org.cutover.process;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's time: the same clock its timers run on (tests move it). */
final class EngineClock {

  private EngineClock() {}

  static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }

  /** ISO-8601 text for a timer's {@code timeDate}, rounded up to the next whole second. */
  static String timerDate(Instant instant) {
    Instant whole = instant.truncatedTo(ChronoUnit.SECONDS);
    return (whole.equals(instant) ? whole : whole.plusSeconds(1)).toString();
  }
}
