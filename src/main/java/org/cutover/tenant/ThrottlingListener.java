package org.cutover.tenant;

/**
 * Told of every answer by which Microsoft Graph asked Cutover to slow down (HTTP 429), with the
 * endpoint that gave it: its host, and the port when the URL names one. The application counts them
 * beside the mail servers' requests to wait; nothing here knows of meters.
 */
@FunctionalInterface
public interface ThrottlingListener {

  /** A listener for code that counts nothing. */
  ThrottlingListener NONE = endpoint -> {};

  void throttled(String endpoint);
}
