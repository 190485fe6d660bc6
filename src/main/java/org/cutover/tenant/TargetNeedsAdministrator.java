package org.cutover.tenant;

/**
 * The target refuses until an administrator changes something (a permission, a secret, a setting of
 * the tenant or server). The message says what to change and holds no secret.
 */
public class TargetNeedsAdministrator extends RuntimeException {

  public TargetNeedsAdministrator(String message) {
    super(message);
  }

  public TargetNeedsAdministrator(String message, Throwable cause) {
    super(message, cause);
  }
}
