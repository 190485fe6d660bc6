package org.cutover.process;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/** {@link LargeMailboxListScenario} on the default H2 database. */
// A mail host makes the letters capability present; nothing is sent before the batch starts.
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.mail.host=127.0.0.1",
      "cutover.letters.from=it@large.example",
      "cutover.letters.administrator-email=admin@large.example"
    })
@ActiveProfiles("test")
class LargeMailboxListTest {

  @Autowired ApplicationContext context;
  @LocalServerPort int port;

  @Test
  void aStartFormWith5000MailboxesIsTakenRefusedByTheRulesAndCorrected() throws Exception {
    new LargeMailboxListScenario(context, port).run();
  }
}
