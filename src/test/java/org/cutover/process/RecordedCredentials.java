package org.cutover.process;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.logins.ReplacementRefused;
import org.cutover.migration.logins.RunningCredentials;

/** Credentials stored by id; a replacement with one of them is recorded, any other id refused. */
final class RecordedCredentials implements RunningCredentials {

  final Set<String> stored = new HashSet<>();
  final List<String> replaced = new ArrayList<>();

  @Override
  public void replace(String migrationId, EndpointRole side, String credentialId) {
    if (!stored.contains(credentialId)) {
      throw new ReplacementRefused(
          "Give the id of a credential stored with POST /api/credentials, never the password");
    }
    replaced.add(migrationId + " " + side + " " + credentialId);
  }
}
