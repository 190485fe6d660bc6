package org.cutover.process;

import org.cutover.CutoverApplication;
import org.cutover.testsupport.PrivatePostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** {@link LargeMailboxListScenario} on a real PostgreSQL server. */
class LargeMailboxListPostgresIT {

  @Test
  void aStartFormWith5000MailboxesIsTakenRefusedByTheRulesAndCorrected() throws Exception {
    try (PrivatePostgres postgres = PrivatePostgres.start();
        ConfigurableApplicationContext context =
            new SpringApplicationBuilder(CutoverApplication.class)
                .profiles("test")
                .run(
                    "--server.port=0",
                    "--spring.mail.host=127.0.0.1",
                    "--cutover.letters.from=it@large.example",
                    "--cutover.letters.administrator-email=admin@large.example",
                    "--spring.datasource.url=" + postgres.jdbcUrl(),
                    "--spring.datasource.username=" + postgres.username(),
                    "--spring.datasource.password=" + postgres.password())) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      new LargeMailboxListScenario(context, port).run();
    }
  }
}
