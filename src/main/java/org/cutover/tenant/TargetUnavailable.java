package org.cutover.tenant;

/**
 * The target cannot answer as needed right now (throttled, down, a mailbox still being created):
 * trying again later may succeed. The message says what failed and holds no secret.
 */
public class TargetUnavailable extends RuntimeException {

  public TargetUnavailable(String message) {
    super(message);
  }

  public TargetUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
