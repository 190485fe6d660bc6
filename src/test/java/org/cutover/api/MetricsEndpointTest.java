package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import org.cutover.testsupport.RawHttp;
import org.cutover.testsupport.RawHttp.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The Prometheus scrape at {@code /actuator/prometheus} over real HTTP: refused without a login and
 * to a user who is no administrator (the sync worker's account), answered with the runbook's meters
 * to an administrator; the health probe stays open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@ActiveProfiles("test")
class MetricsEndpointTest {

  private static final String SCRAPE = "/actuator/prometheus";

  @LocalServerPort int port;
  @Autowired ObjectMapper json;

  @Value("${cutover.worker.password}")
  String workerPassword;

  private Response get(String path, Map<String, String> headers) throws IOException {
    return new RawHttp("127.0.0.1", port).send("GET", path, headers, null);
  }

  @Test
  void anAnonymousScrapeIsRefusedWithAProblemThatSaysWhoMayScrape() throws IOException {
    Response refused = get(SCRAPE, Map.of());

    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.header("WWW-Authenticate")).startsWith("Basic");
    assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
    assertThat(json.readTree(refused.body()).get("detail").asText()).contains("camunda-admin");
    assertThat(refused.body()).doesNotContain("cutover_");
  }

  @Test
  void aUserWhoIsNoAdministratorMayNotScrape() throws IOException {
    Response refused =
        get(SCRAPE, Map.of("Authorization", RawHttp.basic("cutoverworker", workerPassword)));

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("cutover_");
  }

  @Test
  void anAdministratorScrapesTheRunbooksMeters() throws IOException {
    Response scrape =
        get(SCRAPE, Map.of("Authorization", RawHttp.basic("admin", "admin-test-password")));

    assertThat(scrape.status()).isEqualTo(200);
    assertThat(scrape.header("Content-Type")).startsWith("text/plain");
    assertThat(scrape.body())
        .contains("cutover_mailboxes{status=\"SYNCED_WITH_ERRORS\"}")
        .contains("cutover_mailboxes{status=\"FAILED\"}");
  }

  @Test
  void theHealthProbeNeedsNoLogin() throws IOException {
    assertThat(get("/actuator/health", Map.of()).status()).isEqualTo(200);
  }
}
