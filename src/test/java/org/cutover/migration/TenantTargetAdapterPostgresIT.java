package org.cutover.migration;

import org.cutover.testsupport.PrivatePostgres;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The target dispatch tests again on a real PostgreSQL server (target_mx_host from Flyway). */
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class TenantTargetAdapterPostgresIT extends TenantTargetAdapterTest {

  private static PrivatePostgres postgres;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) throws Exception {
    postgres = PrivatePostgres.start();
    registry.add("spring.datasource.url", postgres::jdbcUrl);
    registry.add("spring.datasource.username", postgres::username);
    registry.add("spring.datasource.password", postgres::password);
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }
}
