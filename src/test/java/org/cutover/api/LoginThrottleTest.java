package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final LoginThrottle throttle =
      new LoginThrottle(
          new LoginThrottleProperties(
              3, Duration.ofSeconds(1), Duration.ofSeconds(8), Duration.ofMinutes(1), 100),
          clock);

  private void fail(String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(address);
    }
  }

  @Test
  void theFreeFailuresCostNothing() {
    fail("192.0.2.1", 3);

    assertThat(throttle.waitFor("192.0.2.1")).isEmpty();
  }

  @Test
  void eachFurtherFailureDoublesTheWaitUpToTheLongest() {
    fail("192.0.2.1", 4);
    assertThat(throttle.waitFor("192.0.2.1")).contains(Duration.ofSeconds(1));
    fail("192.0.2.1", 1);
    assertThat(throttle.waitFor("192.0.2.1")).contains(Duration.ofSeconds(2));
    fail("192.0.2.1", 1);
    assertThat(throttle.waitFor("192.0.2.1")).contains(Duration.ofSeconds(4));
    fail("192.0.2.1", 10);
    assertThat(throttle.waitFor("192.0.2.1")).contains(Duration.ofSeconds(8));
  }

  @Test
  void onlyTheFailingAddressWaits() {
    fail("192.0.2.1", 4);

    assertThat(throttle.waitFor("192.0.2.2")).isEmpty();
  }

  @Test
  void theWaitEndsAndAQuietAddressIsForgotten() {
    fail("192.0.2.1", 4);
    clock.advance(Duration.ofSeconds(1));
    assertThat(throttle.waitFor("192.0.2.1")).isEmpty();

    clock.advance(Duration.ofMinutes(1));
    fail("192.0.2.1", 1);
    assertThat(throttle.waitFor("192.0.2.1")).isEmpty();
  }

  @Test
  void remembersABoundedNumberOfAddresses() {
    for (int i = 0; i < 1000; i++) {
      throttle.failed("10.0." + i / 256 + "." + i % 256);
    }

    assertThat(throttle.remembered()).isEqualTo(100);
  }
}
