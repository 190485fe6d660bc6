package org.cutover.tenant;

import org.cutover.testsupport.PrivatePostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The initial password tests again on a real PostgreSQL server, migrated by the same scripts. */
class InitialPasswordsPostgresIT extends InitialPasswordsTest {

  private static PrivatePostgres postgres;
  private static PasswordDatabase shared;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PrivatePostgres.start();
    shared =
        new PasswordDatabase(
            new DriverManagerDataSource(
                postgres.jdbcUrl(), postgres.username(), postgres.password()));
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  PasswordDatabase database() {
    shared.jdbc.sql("DELETE FROM initial_password").update();
    return shared;
  }
}
