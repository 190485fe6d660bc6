package org.cutover.migration;

/**
 * A runbook step failed for a reason that may pass (a server down, throttling, a time-out): the
 * process retries the step on its retry cycle. The message says what failed and never holds a
 * secret; it is shown in Cockpit.
 */
public class TransientStepFailure extends RuntimeException {

  public TransientStepFailure(String message) {
    super(message);
  }

  public TransientStepFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
