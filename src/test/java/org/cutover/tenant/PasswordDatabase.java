package org.cutover.tenant;

import java.time.Clock;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database with Cutover's schema (migrated by Flyway), for initial passwords in tests. */
final class PasswordDatabase {

  final DataSource dataSource;
  final JdbcClient jdbc;
  final DataSourceTransactionManager transactions;

  PasswordDatabase(DataSource dataSource) {
    this.dataSource = dataSource;
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("cutover_schema_history")
        .load()
        .migrate();
    jdbc = JdbcClient.create(dataSource);
    transactions = new DataSourceTransactionManager(dataSource);
  }

  /** A private in-memory H2 database. */
  PasswordDatabase() {
    this(
        new DriverManagerDataSource(
            "jdbc:h2:mem:tenant-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  InitialPasswords passwords(MemorySecretStore secrets, Clock clock) {
    return new InitialPasswords(jdbc, secrets, transactions, new PasswordGenerator(16), clock);
  }
}
