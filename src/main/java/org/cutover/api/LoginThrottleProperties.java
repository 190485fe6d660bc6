package org.cutover.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How wrong passwords slow down the address that sends them ({@code cutover.login-throttle.*}).
 *
 * @param freeFailures failed logins an address may make before it has to wait
 * @param firstDelay the first wait; each further failure doubles it
 * @param maxDelay the longest wait
 * @param forgetAfter an address that has not failed for this long starts afresh
 * @param maxAddresses addresses remembered at most; the longest unused is forgotten first
 */
@ConfigurationProperties("cutover.login-throttle")
record LoginThrottleProperties(
    @DefaultValue("10") int freeFailures,
    @DefaultValue("PT1S") Duration firstDelay,
    @DefaultValue("PT15M") Duration maxDelay,
    @DefaultValue("PT1H") Duration forgetAfter,
    @DefaultValue("10000") int maxAddresses) {

  LoginThrottleProperties {
    List<String> problems = new ArrayList<>();
    if (freeFailures < 0) {
      problems.add("free-failures must be 0 or more");
    }
    if (firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()) {
      problems.add("first-delay must be positive, such as PT1S");
    }
    if (maxDelay == null || firstDelay != null && maxDelay.compareTo(firstDelay) < 0) {
      problems.add("max-delay must be at least first-delay");
    }
    if (forgetAfter == null || maxDelay != null && forgetAfter.compareTo(maxDelay) < 0) {
      problems.add("forget-after must be at least max-delay");
    }
    if (maxAddresses < 1) {
      problems.add("max-addresses must be at least 1");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("cutover.login-throttle: " + String.join("; ", problems));
    }
  }
}
