package org.cutover.migration;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.cutover.testsupport.PrivatePostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The endpoint slot and back-off tests again on a real PostgreSQL server. */
class EndpointCoordinationPostgresIT extends EndpointCoordinationTest {

  private static PrivatePostgres postgres;
  private static HikariDataSource pool;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PrivatePostgres.start();
    pool = new HikariDataSource();
    pool.setJdbcUrl(postgres.jdbcUrl());
    pool.setUsername(postgres.username());
    pool.setPassword(postgres.password());
    pool.setMaximumPoolSize(12);
    Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (pool != null) {
      pool.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** One database for the class: each test works on a server key of its own. */
  @Override
  protected DataSource database() {
    return pool;
  }
}
