package org.cutover.migration;

/**
 * A runbook step cannot succeed until the administrator changes something (wrong credentials, a
 * missing permission, a certificate not trusted). The message says what to fix and never holds a
 * secret; retrying alone will not help.
 */
public class StepNeedsAdministrator extends RuntimeException {

  public StepNeedsAdministrator(String message) {
    super(message);
  }

  public StepNeedsAdministrator(String message, Throwable cause) {
    super(message, cause);
  }
}
