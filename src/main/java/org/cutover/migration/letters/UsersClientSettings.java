package org.cutover.migration.letters;

import org.cutover.migration.LettersNotConfigured;
import org.cutover.migration.NewMigration;
import org.cutover.migration.StoredMigration;
import org.springframework.stereotype.Service;

/**
 * The users' mail program settings of each migration: completed and checked at registration ({@link
 * MailClientDefaults}) and stored with the migration, so the letters keep saying what the
 * administrator registered even when the configuration changes later.
 */
@Service
public class UsersClientSettings {

  private final MailClientDefaults defaults;
  private final ClientSettingsRecords records;

  UsersClientSettings(MailClientDefaults defaults, ClientSettingsRecords records) {
    this.defaults = defaults;
    this.records = records;
  }

  /** Stores a valid new migration's settings, in the registration's transaction. */
  public void keep(String migrationId, NewMigration migration) {
    records.save(migrationId, defaults.resolve(migration));
  }

  /**
   * The settings the letters of a migration name: as stored at registration, else (a migration
   * registered before they were kept) from configuration.
   *
   * @throws LettersNotConfigured when neither names the servers of an IMAP target
   */
  public MailClientSettings of(StoredMigration migration) {
    MailClientSettings settings =
        records.find(migration.id()).orElseGet(() -> defaults.of(migration));
    if (!settings.microsoft365()
        && (settings.incomingServer() == null || settings.outgoingServer() == null)) {
      throw new LettersNotConfigured(
          "The letters of migration "
              + migration.id()
              + " would not say which servers users set up in their mail programs: set"
              + " cutover.letters.client.incoming-server and outgoing-server");
    }
    return settings;
  }
}
