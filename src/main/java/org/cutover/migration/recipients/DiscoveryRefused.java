package org.cutover.migration.recipients;

/** A discovery cannot be run or its review not taken; the message says what to correct. */
public class DiscoveryRefused extends RuntimeException {

  DiscoveryRefused(String message, Throwable cause) {
    super(message, cause);
  }

  public DiscoveryRefused(String message) {
    this(message, null);
  }
}
