package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cutover.migration.InvalidMigrationSettings;
import org.cutover.migration.MigrationRegistry;
import org.cutover.secrets.SecretStore;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A new migration's logins are tried on real Dovecot servers when it is registered: a wrong
 * password is refused with a problem naming the endpoint and what the server said, and nothing of
 * the migration is stored or started; right logins register it.
 */
@SpringBootTest(
    properties = {
      "cutover.registration.test-logins=true",
      // Letters must be configured for a migration to register; none is sent here.
      "spring.mail.host=127.0.0.1",
      "cutover.letters.from=it@contoso.test",
      "cutover.letters.administrator-email=admin@contoso.test"
    })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class LoginCheckAtRegistrationIT {

  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");

  static Path work;
  static DovecotServer source;
  static DovecotServer target;

  @BeforeAll
  static void startServers() throws Exception {
    work = Files.createTempDirectory("cutover-login-check");
    source = DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(2));
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(2));
    for (DovecotServer server : List.of(source, target)) {
      Files.writeString(
          server.dir().resolve("users"),
          "user1@contoso.test:{PLAIN}pass-user1::::::\n",
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  @AfterAll
  static void stopServers() {
    DovecotServer.stopAll(new java.util.ArrayList<>(java.util.Arrays.asList(source, target)));
  }

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MigrationRegistry formRegistry;
  @Autowired SecretStore secrets;

  @Test
  void aWrongSourcePasswordIsRefusedNamingTheSourceAndNothingIsStored() throws Exception {
    long secretsBefore = count("secret");
    long migrationsBefore = count("migration");
    JsonNode problem =
        json.readTree(
            mvc.perform(
                    post("/api/migrations")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body("wrong-password", "admin-pass"))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(problem.path("errors")).hasSize(1);
    JsonNode error = problem.path("errors").get(0);
    assertThat(error.path("path").asText()).isEqualTo("$.source");
    assertThat(error.path("message").asText())
        .startsWith("the source server 127.0.0.1:" + source.port() + " did not let Cutover in")
        .containsIgnoringCase("authentication failed")
        .doesNotContain("wrong-password");
    assertThat(count("migration")).isEqualTo(migrationsBefore);
    assertThat(count("secret")).isEqualTo(secretsBefore);
    assertThat(
            json.readTree(
                mvc.perform(get("/api/migrations").with(ADMIN))
                    .andReturn()
                    .getResponse()
                    .getContentAsString()))
        .hasSize((int) migrationsBefore);
  }

  @Test
  void aWrongTargetPasswordIsRefusedNamingTheTarget() throws Exception {
    long migrationsBefore = count("migration");
    JsonNode problem =
        json.readTree(
            mvc.perform(
                    post("/api/migrations")
                        .with(ADMIN)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(body("admin-pass", "not-the-password"))))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.path("errors").get(0).path("path").asText()).isEqualTo("$.target.endpoint");
    assertThat(problem.path("errors").get(0).path("message").asText())
        .startsWith("the target server 127.0.0.1:" + target.port() + " did not let Cutover in");
    assertThat(count("migration")).isEqualTo(migrationsBefore);
  }

  @Test
  void theStartFormNamesTheRefusedEndpointFieldInDanish() {
    long migrationsBefore = count("migration");
    Map<String, Object> form = new HashMap<>();
    form.put("domain", "contoso.test");
    form.put("batchName", "wave-1");
    form.put("mailboxesCsv", "EmailAddress\nuser1@contoso.test\n");
    form.put("sourceHost", "127.0.0.1");
    form.put("sourcePort", (long) source.port());
    form.put("sourceSecurity", "PLAINTEXT");
    form.put("sourceAllowPlaintext", true);
    form.put("sourceAuth", "DELEGATED_ADMIN");
    form.put("sourceAdminUser", "admin");
    form.put("sourceCredentialId", secrets.put("form test source", "wrong-password").id());
    form.put("targetType", "IMAP");
    form.put("targetHost", "127.0.0.1");
    form.put("targetPort", (long) target.port());
    form.put("targetSecurity", "PLAINTEXT");
    form.put("targetAllowPlaintext", true);
    form.put("targetAuth", "DELEGATED_ADMIN");
    form.put("targetAdminUser", "admin");
    form.put("targetCredentialId", secrets.put("form test target", "admin-pass").id());
    form.put("mxHosts", "10 mx.target.contoso.test");
    form.put("dnsMode", "GUIDED");
    form.put("language", "da");

    assertThatThrownBy(() -> formRegistry.registerFromForm(form))
        .isInstanceOfSatisfying(
            InvalidMigrationSettings.class,
            invalid ->
                assertThat(invalid.problems())
                    .singleElement()
                    .asString()
                    .startsWith(
                        "sourceHost: kildeserveren 127.0.0.1:"
                            + source.port()
                            + " lukkede ikke Cutover ind"));
    assertThat(count("migration")).isEqualTo(migrationsBefore);
  }

  @Test
  void rightLoginsRegisterTheMigration() throws Exception {
    mvc.perform(
            post("/api/migrations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body("admin-pass", "admin-pass", "right.test"))))
        .andExpect(status().isCreated());
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM migration WHERE domain = 'right.test'")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private static Map<String, Object> body(String sourcePassword, String targetPassword) {
    return body(sourcePassword, targetPassword, "contoso.test");
  }

  /** One mailbox, user1@contoso.test, of the given domain (outside it when not contoso.test). */
  private static Map<String, Object> body(
      String sourcePassword, String targetPassword, String domain) {
    Map<String, Object> targetSettings = new LinkedHashMap<>();
    targetSettings.put("type", "IMAP");
    targetSettings.put("endpoint", endpoint(target.port(), targetPassword));
    targetSettings.put("mxHosts", List.of("10 mx.target.contoso.test"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", domain);
    body.put("allowMailboxesOutsideDomain", !"contoso.test".equals(domain));
    body.put("batchName", "wave-1");
    body.put("mailboxes", List.of(Map.of("emailAddress", "user1@contoso.test")));
    body.put("source", endpoint(source.port(), sourcePassword));
    body.put("target", targetSettings);
    body.put("dns", Map.of("mode", "GUIDED"));
    return body;
  }

  private static Map<String, Object> endpoint(int port, String password) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("host", "127.0.0.1");
    endpoint.put("port", port);
    endpoint.put("security", "PLAINTEXT");
    endpoint.put("allowPlaintext", true);
    endpoint.put("auth", "DELEGATED_ADMIN");
    endpoint.put("adminUser", "admin");
    endpoint.put("password", password);
    return endpoint;
  }
}
