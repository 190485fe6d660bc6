package org.cutover.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Failed logins per client address. After {@code freeFailures} failures an address waits before its
 * next login is even checked: {@code firstDelay}, doubled with each further failure, at most {@code
 * maxDelay}. An address that has not failed for {@code forgetAfter} starts afresh, and at most
 * {@code maxAddresses} are remembered (the least recently seen are forgotten first), so a flood of
 * addresses costs bounded memory. Accounts are never locked: a stranger's wrong passwords slow down
 * only the stranger.
 */
final class LoginThrottle {

  private final LoginThrottleProperties settings;
  private final Clock clock;
  private final Map<String, Failures> byAddress;

  LoginThrottle(LoginThrottleProperties settings, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.byAddress =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Failures> eldest) {
            return size() > settings.maxAddresses();
          }
        };
  }

  /** How long the address must still wait before a login of it is checked; empty: none. */
  synchronized Optional<Duration> waitFor(String address) {
    Failures failures = current(address);
    if (failures == null || failures.blockedUntil() == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), failures.blockedUntil());
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  /** Records a failed login of the address. */
  synchronized void failed(String address) {
    Failures before = current(address);
    int count = before == null ? 1 : before.count() + 1;
    Instant now = clock.instant();
    Instant blockedUntil = null;
    int beyondFree = count - settings.freeFailures();
    if (beyondFree > 0) {
      blockedUntil = now.plus(delay(beyondFree));
    }
    byAddress.put(address, new Failures(count, now, blockedUntil));
  }

  synchronized int remembered() {
    return byAddress.size();
  }

  private Duration delay(int beyondFree) {
    Duration delay = settings.firstDelay();
    for (int i = 1; i < beyondFree && delay.compareTo(settings.maxDelay()) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
  }

  private Failures current(String address) {
    Failures failures = byAddress.get(address);
    if (failures != null
        && Duration.between(failures.lastFailure(), clock.instant())
                .compareTo(settings.forgetAfter())
            >= 0) {
      byAddress.remove(address);
      return null;
    }
    return failures;
  }

  private record Failures(int count, Instant lastFailure, Instant blockedUntil) {}
}
