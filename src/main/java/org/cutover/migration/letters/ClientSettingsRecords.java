package org.cutover.migration.letters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users' mail program settings of each migration, table {@code migration_client_settings}. */
@Repository
class ClientSettingsRecords {

  /** Our own: the stored form must not follow the web layer's JSON settings. */
  private static final ObjectMapper json = new ObjectMapper();

  private final JdbcClient jdbc;

  ClientSettingsRecords(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Within the caller's transaction: stored with the migration or not at all. */
  void save(String migrationId, MailClientSettings settings) {
    jdbc.sql("INSERT INTO migration_client_settings (migration_id, settings) VALUES (?, ?)")
        .params(migrationId, text(settings))
        .update();
  }

  private static String text(MailClientSettings settings) {
    try {
      return json.writeValueAsString(settings);
    } catch (JsonProcessingException unwritable) {
      throw new IllegalStateException("Client settings cannot be written as JSON", unwritable);
    }
  }

  /** Replaces the settings kept for a migration (or keeps them, for one registered before). */
  void replace(String migrationId, MailClientSettings settings) {
    int updated =
        jdbc.sql("UPDATE migration_client_settings SET settings = ? WHERE migration_id = ?")
            .params(text(settings), migrationId)
            .update();
    if (updated == 0) {
      save(migrationId, settings);
    }
  }

  Optional<MailClientSettings> find(String migrationId) {
    return jdbc.sql("SELECT settings FROM migration_client_settings WHERE migration_id = ?")
        .param(migrationId)
        .query(String.class)
        .optional()
        .map(this::read);
  }

  private MailClientSettings read(String text) {
    try {
      return json.readValue(text, MailClientSettings.class);
    } catch (JsonProcessingException unreadable) {
      throw new IllegalStateException("Stored client settings are not readable", unreadable);
    }
  }
}
