package org.cutover.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.process.RunbookControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A page of another site tries what a signed-in administrator's browser could be made to do: a
 * plain form cancels a migration, a multipart form deploys a model over Camunda's REST API. The
 * browser has signed in with HTTP Basic and sends that login with every request to Cutover; both
 * forms are refused, and the migration runs on with nothing deployed. The other site is a small
 * HTTP server of the test on another port: another origin, whose requests the browser marks {@code
 * Sec-Fetch-Site: same-site}, not {@code same-origin}. (The browser resolves no name but localhost,
 * so the other site cannot have a host name of its own.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrossSiteBrowserIT {

  static final String ADMIN = "admin";
  static final String PASSWORD = "admin-test-password";

  // The runbook and the capabilities are stand-ins: what matters is whether a request gets in.
  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;

  private HttpServer otherSite;

  @BeforeAll
  static void chromium() {
    BrowserSession.requireChromium();
  }

  @BeforeEach
  void runbookStarts() {
    when(runbook.start(any())).thenReturn("process-instance-1");
    when(runbook.currentSteps(any())).thenReturn(List.of("Verify domain TXT record"));
  }

  @AfterEach
  void stopTheOtherSite() {
    if (otherSite != null) {
      otherSite.stop(0);
    }
  }

  @Test
  void formsOnAnotherSiteCannotCancelAMigrationOrDeployAModel() throws Exception {
    String migrationId = registerMigration();
    String app = "http://localhost:" + port;
    String other = serveTheOtherSite(migrationId, app);

    try (BrowserSession browser = BrowserSession.open()) {
      browser.keepPageOnFailure(
          () -> {
            // Signed in with HTTP Basic: afterwards the browser sends the login by itself.
            browser.go(
                "http://" + ADMIN + ":" + PASSWORD + "@localhost:" + port + "/api/migrations");
            browser.go(app + "/api/migrations/" + migrationId);
            assertThat(browser.driver().getPageSource()).contains(migrationId);

            browser.go(other + "/cancel.html");
            browser.until(driver -> driver.getCurrentUrl().startsWith(app + "/"));
            assertThat(browser.find(By.tagName("body")).getText())
                .contains("urn:cutover:problem:cross-site-refused")
                .contains("X-Requested-By");

            browser.go(other + "/deploy.html");
            browser.until(driver -> driver.getCurrentUrl().startsWith(app + "/"));
            assertThat(browser.find(By.tagName("body")).getText())
                .contains("urn:cutover:problem:cross-site-refused");
          });
    }

    verify(runbook, never()).cancel(any());
    ResponseEntity<String> migration =
        http.withBasicAuth(ADMIN, PASSWORD)
            .getForEntity("/api/migrations/" + migrationId, String.class);
    assertThat(migration.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(json.readTree(migration.getBody()).path("phase").asText())
        .isNotIn("CANCELLING", "CANCELLED");
    assertThat(repository.createDeploymentQuery().deploymentName("cross-site").count()).isZero();
  }

  private String registerMigration() throws IOException {
    String body =
        """
        {"domain": "contoso.com", "batchName": "contoso-wave-1", "language": "en",
         "autoStartBatch": false,
         "mailboxes": [{"emailAddress": "user0@contoso.com", "displayName": "User 0"}],
         "source": {"host": "mail.contoso.com", "security": "IMPLICIT_TLS",
                    "auth": "DELEGATED_ADMIN", "adminUser": "migration-admin@contoso.com",
                    "password": "S0urce-Admin-Pa55!"},
         "target": {"type": "MICROSOFT_365", "tenantId": "contoso.onmicrosoft.com",
                    "clientId": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0",
                    "clientSecret": "cl1ent~Secret.Value", "licenceSku": "EXCHANGESTANDARD",
                    "usageLocation": "DK"},
         "dns": {"mode": "AUTOMATIC", "provider": "rfc2136", "zone": "contoso.com",
                 "server": "ns1.contoso.com:53",
                 "credentials": "hmac-sha256:cutover:c2VjcmV0LWRucy1rZXk="}}
        """;
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
    ResponseEntity<String> created =
        http.withBasicAuth(ADMIN, PASSWORD)
            .postForEntity(
                "/api/migrations",
                new org.springframework.http.HttpEntity<>(body, headers),
                String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  /** Two pages that submit their form as soon as they load, as an attacker's page would. */
  private String serveTheOtherSite(String migrationId, String app) throws IOException {
    otherSite = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    String cancel =
        page(
            "<form method='POST' action='"
                + app
                + "/api/migrations/"
                + migrationId
                + "/cancel'><input name='confirm' value='yes'></form>"
                + "<script>document.forms[0].submit()</script>");
    String model =
        "<?xml version='1.0'?><definitions xmlns='http://www.omg.org/spec/BPMN/20100524/MODEL'"
            + " targetNamespace='x'><process id='crossSite' isExecutable='true'>"
            + "<startEvent id='s'/></process></definitions>";
    String deploy =
        page(
            "<form method='POST' enctype='multipart/form-data' action='"
                + app
                + "/engine-rest/engine/"
                + engine.getName()
                + "/deployment/create'><input name='deployment-name' value='cross-site'>"
                + "<input type='file' name='model'></form><script>"
                + "const file = new File([\""
                + model
                + "\"], 'cross-site.bpmn', {type: 'text/xml'});"
                + "const files = new DataTransfer(); files.items.add(file);"
                + "document.forms[0].model.files = files.files;"
                + "document.forms[0].submit()</script>");
    serve("/cancel.html", cancel);
    serve("/deploy.html", deploy);
    otherSite.start();
    return "http://localhost:" + otherSite.getAddress().getPort();
  }

  private static String page(String body) {
    return "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
        + body
        + "</body></html>";
  }

  private void serve(String path, String html) {
    byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
    otherSite.createContext(
        path,
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
  }
}
