package org.cutover.migration.logins;

import java.util.regex.Pattern;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.MigrationStore;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Replaces a running migration's credential with one stored with POST /api/credentials. */
@Component
class StoredRunningCredentials implements RunningCredentials {

  private static final Logger log = LoggerFactory.getLogger(StoredRunningCredentials.class);
  private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

  private final MigrationStore store;
  private final SecretStore secrets;

  StoredRunningCredentials(MigrationStore store, SecretStore secrets) {
    this.store = store;
    this.secrets = secrets;
  }

  @Override
  public void replace(String migrationId, EndpointRole side, String credentialId) {
    if (credentialId == null
        || !ID.matcher(credentialId.strip()).matches()
        || secrets.describe(new SecretRef(credentialId.strip())).isEmpty()) {
      throw new ReplacementRefused(
          "Give the id of a credential stored with POST /api/credentials, never the password"
              + " itself. / Angiv id'et på en legitimation gemt med POST /api/credentials, aldrig"
              + " selve adgangskoden.");
    }
    if (!store.replaceCredential(migrationId, side, new SecretRef(credentialId.strip()))) {
      throw new ReplacementRefused(
          "Migration "
              + migrationId
              + " holds no "
              + LoginRefused.name(side)
              + " credential any more: its batch was deleted. / Migreringen har ikke længere en"
              + " legitimation her: dens batch er slettet.");
    }
    log.info(
        "Migration {}: the {} credential was replaced with stored credential {}",
        migrationId,
        LoginRefused.name(side),
        credentialId.strip());
  }
}
