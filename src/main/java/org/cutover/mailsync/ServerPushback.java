package org.cutover.mailsync;

import java.time.Duration;

/**
 * Told when a server asks its clients to slow down ({@code [THROTTLED]}, {@code [UNAVAILABLE]}, a
 * BYE during login or work), so that a caller running passes elsewhere can hold back new passes
 * against that server too. Called on the pass's threads; must not throw or block for long.
 */
@FunctionalInterface
public interface ServerPushback {

  ServerPushback NONE = (server, wait, answer) -> {};

  /**
   * @param server the server that answered
   * @param wait the wait it named, or null when it named none
   * @param answer what happened, for a log line (never a secret)
   */
  void serverAskedToWait(ImapEndpoint server, Duration wait, String answer);
}
