package org.cutover.migration.provisioning;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Tables {@code recipient_provisioning} and {@code provisioning_script}. */
@Repository
class ProvisioningStore {

  private static final int MAX_MISSING = 4000;

  private final JdbcClient jdbc;

  ProvisioningStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Replaces the migration's last check with this one. */
  @Transactional
  void save(String migrationId, List<RecipientProvisioning> statuses, String script) {
    jdbc.sql("DELETE FROM recipient_provisioning WHERE migration_id = :id")
        .param("id", migrationId)
        .update();
    jdbc.sql("DELETE FROM provisioning_script WHERE migration_id = :id")
        .param("id", migrationId)
        .update();
    Instant checkedAt = null;
    for (RecipientProvisioning status : statuses) {
      checkedAt = status.checkedAt();
      String missing = status.missing();
      jdbc.sql(
              "INSERT INTO recipient_provisioning (recipient_id, migration_id, status, missing,"
                  + " checked_at) VALUES (:recipient, :migration, :status, :missing, :at)")
          .param("recipient", status.recipientId())
          .param("migration", migrationId)
          .param("status", status.status().name())
          .param("missing", bounded(missing))
          .param("at", utc(status.checkedAt()))
          .update();
    }
    if (!script.isEmpty()) {
      jdbc.sql(
              "INSERT INTO provisioning_script (migration_id, script, checked_at) VALUES (:id,"
                  + " :script, :at)")
          .param("id", migrationId)
          .param("script", script)
          .param("at", utc(checkedAt == null ? Instant.now() : checkedAt))
          .update();
    }
  }

  Optional<String> script(String migrationId) {
    return jdbc.sql("SELECT script FROM provisioning_script WHERE migration_id = :id")
        .param("id", migrationId)
        .query(String.class)
        .optional();
  }

  Map<String, RecipientProvisioning> statuses(String migrationId) {
    Map<String, RecipientProvisioning> statuses = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT recipient_id, status, missing, checked_at FROM recipient_provisioning WHERE"
                + " migration_id = :id")
        .param("id", migrationId)
        .query(
            rs -> {
              statuses.put(
                  rs.getString("recipient_id"),
                  new RecipientProvisioning(
                      rs.getString("recipient_id"),
                      ProvisioningStatus.valueOf(rs.getString("status")),
                      rs.getString("missing"),
                      rs.getObject("checked_at", OffsetDateTime.class).toInstant()));
            });
    return statuses;
  }

  /** At most MAX_MISSING characters, cut after a whole line where there is one. */
  static String bounded(String missing) {
    if (missing.length() <= MAX_MISSING) {
      return missing;
    }
    int cut = missing.lastIndexOf('\n', MAX_MISSING - 2);
    return missing.substring(0, cut > 0 ? cut : MAX_MISSING - 2) + "\n…";
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
