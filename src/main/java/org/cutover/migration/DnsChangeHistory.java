package org.cutover.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The DNS changes journalled for a migration (table {@code dns_change}), for reports. */
@Repository
public class DnsChangeHistory {

  private final JdbcClient jdbc;

  DnsChangeHistory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Every change of the migration, oldest first. */
  public List<RecordedDnsChange> changes(String migrationId) {
    return jdbc.sql(
            "SELECT step, record_name, record_type, before_ttl, before_values, after_ttl,"
                + " after_values, requested_at, applied_at, rolled_back_at FROM dns_change WHERE"
                + " migration_id = :id ORDER BY id")
        .param("id", migrationId)
        .query(DnsChangeHistory::change)
        .list();
  }

  private static RecordedDnsChange change(ResultSet rs, int row) throws SQLException {
    return new RecordedDnsChange(
        rs.getString("step"),
        rs.getString("record_name"),
        rs.getString("record_type"),
        records(rs, "before"),
        records(rs, "after"),
        MigrationStore.instant(rs, "requested_at"),
        MigrationStore.instant(rs, "applied_at"),
        MigrationStore.instant(rs, "rolled_back_at"));
  }

  private static RecordedDnsChange.Records records(ResultSet rs, String prefix)
      throws SQLException {
    String values = rs.getString(prefix + "_values");
    if (values == null) {
      return null;
    }
    return new RecordedDnsChange.Records(
        rs.getLong(prefix + "_ttl"), Arrays.asList(values.split("\n")));
  }
}
