package org.cutover.migration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cutover.dns.DnsChange;
import org.cutover.dns.DnsChangeJournal;
import org.cutover.dns.DnsStep;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The DNS change journal in table {@code dns_change} (Flyway V3). Every write commits at once in a
 * transaction of its own, never in the caller's (a runbook job's): the intent of a change must be
 * in the database before the zone is touched, and its confirmation must stay there even when the
 * job's transaction is lost to a crash right after.
 */
@Repository
public class JdbcDnsChangeJournal implements DnsChangeJournal {

  private final JdbcClient jdbc;
  private final TransactionTemplate ownTransaction;

  @Autowired
  public JdbcDnsChangeJournal(DataSource dataSource, PlatformTransactionManager transactions) {
    this.jdbc = JdbcClient.create(dataSource);
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** A journal with a transaction manager of its own on {@code dataSource} (tests, tools). */
  public JdbcDnsChangeJournal(DataSource dataSource) {
    this(dataSource, new DataSourceTransactionManager(dataSource));
  }

  @Override
  public DnsChange record(DnsChange change) {
    return ownTransaction.execute(status -> insert(change));
  }

  private DnsChange insert(DnsChange change) {
    KeyHolder key = new GeneratedKeyHolder();
    jdbc.sql(
            """
            INSERT INTO dns_change (migration_id, step, record_name, record_type,
                before_ttl, before_values, after_ttl, after_values,
                requested_at, applied_at, rolled_back_at)
            VALUES (:migrationId, :step, :name, :type,
                :beforeTtl, :beforeValues, :afterTtl, :afterValues,
                :requestedAt, :appliedAt, :rolledBackAt)
            """)
        .param("migrationId", change.migrationId())
        .param("step", change.step().name())
        .param("name", change.name())
        .param("type", change.type().name())
        .param("beforeTtl", change.before().map(RecordSet::ttl).orElse(null))
        .param("beforeValues", change.before().map(JdbcDnsChangeJournal::values).orElse(null))
        .param("afterTtl", change.after().map(RecordSet::ttl).orElse(null))
        .param("afterValues", change.after().map(JdbcDnsChangeJournal::values).orElse(null))
        .param("requestedAt", time(change.requestedAt()))
        .param("appliedAt", change.appliedAt().map(JdbcDnsChangeJournal::time).orElse(null))
        .param("rolledBackAt", change.rolledBackAt().map(JdbcDnsChangeJournal::time).orElse(null))
        .update(key, "id");
    long id = key.getKeyAs(Number.class).longValue();
    return new DnsChange(
        id,
        change.migrationId(),
        change.step(),
        change.name(),
        change.type(),
        change.before(),
        change.after(),
        change.requestedAt(),
        change.appliedAt(),
        change.rolledBackAt());
  }

  /**
   * A change confirmed already keeps its first confirmation: the earliest moment it was seen
   * applied is the tightest bound there is.
   */
  @Override
  public void markApplied(long id, Instant at, Optional<RecordSet> after) {
    ownTransaction.executeWithoutResult(
        status -> {
          int rows =
              jdbc.sql(
                      "UPDATE dns_change SET applied_at = :at, after_ttl = :ttl,"
                          + " after_values = :values WHERE id = :id AND applied_at IS NULL")
                  .param("at", time(at))
                  .param("ttl", after.map(RecordSet::ttl).orElse(null))
                  .param("values", after.map(JdbcDnsChangeJournal::values).orElse(null))
                  .param("id", id)
                  .update();
          if (rows == 0) {
            requireOne(count(id), id);
          }
        });
  }

  @Override
  public void markRolledBack(long id, Instant at) {
    ownTransaction.executeWithoutResult(
        status -> {
          int rows =
              jdbc.sql(
                      "UPDATE dns_change SET rolled_back_at = :at WHERE id = :id"
                          + " AND rolled_back_at IS NULL")
                  .param("at", time(at))
                  .param("id", id)
                  .update();
          if (rows == 0) {
            requireOne(count(id), id);
          }
        });
  }

  @Override
  public void discard(long id) {
    ownTransaction.executeWithoutResult(
        status ->
            jdbc.sql("DELETE FROM dns_change WHERE id = :id AND applied_at IS NULL")
                .param("id", id)
                .update());
  }

  private int count(long id) {
    return jdbc.sql("SELECT COUNT(*) FROM dns_change WHERE id = :id")
        .param("id", id)
        .query(Integer.class)
        .single();
  }

  @Override
  public List<DnsChange> changes(String migrationId) {
    return jdbc.sql("SELECT * FROM dns_change WHERE migration_id = :migrationId ORDER BY id")
        .param("migrationId", migrationId)
        .query(JdbcDnsChangeJournal::change)
        .list();
  }

  private static DnsChange change(ResultSet row, int number) throws SQLException {
    String name = row.getString("record_name");
    RecordType type = RecordType.valueOf(row.getString("record_type"));
    return new DnsChange(
        row.getLong("id"),
        row.getString("migration_id"),
        DnsStep.valueOf(row.getString("step")),
        name,
        type,
        recordSet(name, type, row, "before"),
        recordSet(name, type, row, "after"),
        instant(row, "requested_at").orElseThrow(),
        instant(row, "applied_at"),
        instant(row, "rolled_back_at"));
  }

  private static Optional<RecordSet> recordSet(
      String name, RecordType type, ResultSet row, String prefix) throws SQLException {
    String values = row.getString(prefix + "_values");
    if (values == null) {
      return Optional.empty();
    }
    long ttl = row.getLong(prefix + "_ttl");
    return Optional.of(new RecordSet(name, type, ttl, Arrays.asList(values.split("\n"))));
  }

  private static String values(RecordSet set) {
    return String.join("\n", set.values());
  }

  private static OffsetDateTime time(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Optional<Instant> instant(ResultSet row, String column) throws SQLException {
    OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
    return Optional.ofNullable(time).map(OffsetDateTime::toInstant);
  }

  private static void requireOne(int rows, long id) {
    if (rows != 1) {
      throw new IllegalStateException("DNS change " + id + " is not in the journal");
    }
  }
}
