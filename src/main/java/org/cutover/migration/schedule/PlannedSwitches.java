package org.cutover.migration.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code planned_switch} (Flyway V19): one row per migration with a planned switch. */
@Repository
class PlannedSwitches {

  private final JdbcClient jdbc;

  PlannedSwitches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Optional<PlannedSwitch> find(String migrationId) {
    return jdbc.sql("SELECT switch_at, zone_id, moves FROM planned_switch WHERE migration_id = :id")
        .param("id", migrationId)
        .query(
            (rs, row) ->
                new PlannedSwitch(
                    rs.getObject("switch_at", OffsetDateTime.class).toInstant(),
                    rs.getString("zone_id"),
                    rs.getInt("moves")))
        .optional();
  }

  /** Stores the time; a time that differs from the one stored counts as a move. */
  PlannedSwitch save(String migrationId, Instant at, String zone, String plannedBy, Instant now) {
    Optional<PlannedSwitch> before = find(migrationId);
    if (before.isEmpty()) {
      jdbc.sql(
              "INSERT INTO planned_switch (migration_id, switch_at, zone_id, moves, planned_by,"
                  + " updated_at) VALUES (:id, :at, :zone, 0, :by, :now)")
          .param("id", migrationId)
          .param("at", utc(at))
          .param("zone", zone)
          .param("by", plannedBy)
          .param("now", utc(now))
          .update();
      return new PlannedSwitch(at, zone, 0);
    }
    boolean moved = !before.get().at().equals(at);
    int moves = before.get().move() + (moved ? 1 : 0);
    jdbc.sql(
            "UPDATE planned_switch SET switch_at = :at, zone_id = :zone, moves = :moves,"
                + " planned_by = :by, updated_at = :now WHERE migration_id = :id")
        .param("id", migrationId)
        .param("at", utc(at))
        .param("zone", zone)
        .param("moves", moves)
        .param("by", plannedBy)
        .param("now", utc(now))
        .update();
    return new PlannedSwitch(at, zone, moves);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
