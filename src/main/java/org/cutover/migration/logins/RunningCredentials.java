package org.cutover.migration.logins;

import org.cutover.migration.EndpointRole;

/** Replaces the credential a running migration signs in with at one endpoint. */
public interface RunningCredentials {

  /**
   * Makes the stored credential {@code credentialId} the one the migration signs in with at {@code
   * side} from its next login on.
   *
   * @throws ReplacementRefused when the id names no stored credential, or the migration holds no
   *     credential there any more
   */
  void replace(String migrationId, EndpointRole side, String credentialId);
}
