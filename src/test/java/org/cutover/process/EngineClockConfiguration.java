package org.cutover.process;

import java.time.Clock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Makes the application's clock the engine's, so that what the application stamps (DNS changes,
 * letters) moves with timers a test fires by moving the engine clock.
 */
@TestConfiguration
public class EngineClockConfiguration {

  @Bean
  Clock engineClock() {
    return Runbook.engineClock();
  }
}
