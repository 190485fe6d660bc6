package org.cutover.tenant;

/**
 * The target refused the login Cutover was given for it (a wrong or changed password): only a new
 * password or secret helps. The message names the server and the user, never a secret.
 */
public class TargetLoginRefused extends TargetNeedsAdministrator {

  public TargetLoginRefused(String message) {
    super(message);
  }
}
