package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cutover.demo.DemoDirectory;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.migration.recipients.DomainAddresses;
import org.cutover.process.RunbookControl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Directory discovery through the REST API against the demo's in-memory directory, and a migration
 * registered from the proposed batch with the discovery's recipients.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DirectoryApiTest {

  private static final String READER_PASSWORD = "directory-test-password";

  private static DemoDirectory directory;

  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;
  @MockitoBean org.cutover.tenant.Microsoft365Target microsoft365;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired DomainAddresses domainAddresses;
  @Autowired org.cutover.migration.provisioning.TargetProvisioning provisioning;

  @BeforeAll
  static void startDirectory() {
    directory = DemoDirectory.start("127.0.0.1", 0, READER_PASSWORD);
  }

  @AfterAll
  static void stopDirectory() {
    directory.close();
  }

  @BeforeEach
  void runbookStarts() {
    when(runbook.start(any())).thenReturn("process-instance-1");
    when(runbook.currentSteps(any())).thenReturn(List.of());
  }

  @AfterEach
  void emptyTables() {
    jdbc.sql("DELETE FROM directory_discovery").update();
    jdbc.sql("DELETE FROM mailbox").update();
    jdbc.sql("DELETE FROM endpoint").update();
    jdbc.sql("DELETE FROM migration").update();
    jdbc.sql("DELETE FROM secret").update();
  }

  @Test
  void proposesTheBatchAndSaysWhichMailboxesAreLeftOutAndWhy() throws Exception {
    discover(discovery(credential(READER_PASSWORD)))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.domain").value("contoso.test"))
        .andExpect(jsonPath("$.awaitingReview").value(false))
        .andExpect(
            jsonPath("$.mailboxes[*].emailAddress")
                .value(
                    org.hamcrest.Matchers.containsInAnyOrder(
                        "anna@contoso.test",
                        "bo@contoso.test",
                        "carl@contoso.test",
                        "info@contoso.test")))
        .andExpect(jsonPath("$.mailboxes[0].aliases[0]").value("anna.jensen@contoso.test"))
        .andExpect(jsonPath("$.excluded[0].name").value("room1@contoso.test"))
        .andExpect(jsonPath("$.excluded[0].reason").value("ROOM_MAILBOX"))
        .andExpect(jsonPath("$.recipients.SHARED_MAILBOX[0].owners[0]").value("anna@contoso.test"))
        .andExpect(
            jsonPath("$.recipients.DISTRIBUTION_GROUP[0].members")
                .value(org.hamcrest.Matchers.contains("anna@contoso.test", "bo@contoso.test")))
        .andExpect(jsonPath("$.recipients.USER_MAILBOX[0].x500[0]").exists());
  }

  @Test
  void theMigrationShowsEachRecipientsProvisioningAndTheScriptForWhatIsMissing() throws Exception {
    JsonNode proposal = body(discover(discovery(credential(READER_PASSWORD))));
    Map<String, Object> migration = MigrationApiTest.migration(0);
    migration.put("domain", "contoso.test");
    migration.put("mailboxes", json.convertValue(proposal.get("mailboxes"), List.class));
    migration.put("discoveryId", proposal.get("id").asText());
    ((Map<String, Object>) migration.get("dns")).put("zone", "contoso.test");
    String id = body(register(migration).andExpect(status().isCreated())).get("id").asText();
    mvc.perform(get("/api/migrations/" + id + "/provisioning/script").with(MigrationApiTest.ADMIN))
        .andExpect(status().isNoContent());
    var nothing =
        new org.cutover.tenant.TenantRecipient(false, null, java.util.Set.of(), java.util.Set.of());
    var anna =
        new org.cutover.tenant.TenantRecipient(
            true, "user", java.util.Set.of("SMTP:anna@contoso.test"), java.util.Set.of());
    org.mockito.Mockito.when(
            microsoft365.mailbox(
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
        .thenReturn(nothing);
    org.mockito.Mockito.when(
            microsoft365.mailbox(
                org.mockito.ArgumentMatchers.any(),
                org.mockito.ArgumentMatchers.eq("anna@contoso.test")))
        .thenReturn(anna);
    org.mockito.Mockito.when(
            microsoft365.group(
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
        .thenReturn(nothing);
    org.mockito.Mockito.when(
            microsoft365.contact(
                org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any()))
        .thenReturn(nothing);

    provisioning.check(id, false);

    // the migration's view counts and names only what is missing; the list has every status
    mvc.perform(get("/api/migrations/" + id).with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recipients.provisioned.MISSING").isNumber())
        .andExpect(
            jsonPath("$.recipients.missing['anna@contoso.test'].missing[0]")
                .value("alias anna.jensen@contoso.test"))
        .andExpect(
            jsonPath("$.recipients.missing['sales@contoso.test'].missing[0]")
                .value("not at the target"));
    mvc.perform(get("/api/migrations/" + id + "/recipients").with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.provisioning['anna@contoso.test'].status").value("MISSING"))
        .andExpect(
            jsonPath("$.provisioning['sales@contoso.test'].missing[0]").value("not at the target"));
    String script =
        mvc.perform(
                get("/api/migrations/" + id + "/provisioning/script")
                    .accept(org.springframework.http.MediaType.TEXT_PLAIN)
                    .with(MigrationApiTest.ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(script)
        .contains("Connect-ExchangeOnline")
        .contains("New-DistributionGroup -Name")
        .contains("-PrimarySmtpAddress 'sales@contoso.test'");
  }

  @Test
  void aMigrationFromADiscoveryKeepsEveryAddressOfTheDomain() throws Exception {
    JsonNode proposal = body(discover(discovery(credential(READER_PASSWORD))));
    Map<String, Object> migration = MigrationApiTest.migration(0);
    migration.put("domain", "contoso.test");
    migration.put("mailboxes", json.convertValue(proposal.get("mailboxes"), List.class));
    migration.put("discoveryId", proposal.get("id").asText());
    ((Map<String, Object>) migration.get("dns")).put("zone", "contoso.test");

    JsonNode created = body(register(migration).andExpect(status().isCreated()));
    String id = created.get("id").asText();

    assertThat(domainAddresses.of(UUID.fromString(id)))
        .containsExactly(
            "anna.jensen@contoso.test",
            "anna@contoso.test",
            "bo@contoso.test",
            "carl@contoso.test",
            "info@contoso.test",
            "kontakt@contoso.test",
            "room1@contoso.test",
            "sales@contoso.test");
    mvc.perform(get("/api/migrations/" + id).with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.recipients.counts.USER_MAILBOX").value(3))
        .andExpect(
            jsonPath("$.recipients.others.ROOM_MAILBOX[0].excludedReason").value("ROOM_MAILBOX"))
        .andExpect(
            jsonPath("$.recipients.others.DISTRIBUTION_GROUP[0].primaryAddress")
                .value("sales@contoso.test"));
    mvc.perform(get("/api/migrations/" + id + "/recipients").with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(
            jsonPath("$.recipients.USER_MAILBOX[0].aliases[0]").value("anna.jensen@contoso.test"))
        .andExpect(jsonPath("$.domainAddresses[0]").value("anna.jensen@contoso.test"));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM mailbox WHERE migration_id = :id AND recipient_id IS NULL")
                .param("id", id)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aDiscoveryServesOneMigrationOnly() throws Exception {
    JsonNode proposal = body(discover(discovery(credential(READER_PASSWORD))));
    Map<String, Object> migration = MigrationApiTest.migration(0);
    migration.put("domain", "contoso.test");
    migration.put("mailboxes", json.convertValue(proposal.get("mailboxes"), List.class));
    migration.put("discoveryId", proposal.get("id").asText());
    ((Map<String, Object>) migration.get("dns")).put("zone", "contoso.test");
    register(migration).andExpect(status().isCreated());

    register(migration)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.discoveryId"));
  }

  @Test
  void handGivenMailboxesKeepTheirAliases() throws Exception {
    Map<String, Object> migration = MigrationApiTest.migration(0);
    List<Map<String, Object>> mailboxes = new ArrayList<>();
    mailboxes.add(
        Map.of(
            "emailAddress",
            "anna@contoso.com",
            "aliases",
            List.of("anna.jensen@contoso.com", "sales@contoso.com", "anna@fabrikam.test")));
    migration.put("mailboxes", mailboxes);

    String id = body(register(migration).andExpect(status().isCreated())).get("id").asText();

    assertThat(domainAddresses.of(UUID.fromString(id)))
        .containsExactly("anna.jensen@contoso.com", "anna@contoso.com", "sales@contoso.com");
  }

  @Test
  void aWrongPasswordOrAMissingSettingIsNamedAndNothingIsStored() throws Exception {
    discover(discovery(credential("not-the-password")))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.credentialId"));
    Map<String, Object> missing = discovery(credential(READER_PASSWORD));
    missing.remove("url");
    missing.put("credentialId", UUID.randomUUID().toString());
    discover(missing)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[*].path").value(org.hamcrest.Matchers.hasItem("$.url")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM directory_discovery").query(Long.class).single())
        .isZero();
  }

  private Map<String, Object> discovery(String credentialId) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("domain", "contoso.test");
    request.put("url", directory.url());
    request.put("bindDn", DemoDirectory.READER_DN);
    request.put("credentialId", credentialId);
    request.put("baseDn", DemoDirectory.BASE_DN);
    request.put("allowPlaintext", true);
    return request;
  }

  private String credential(String password) throws Exception {
    return body(mvc.perform(
            post("/api/credentials")
                .with(MigrationApiTest.ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    json.writeValueAsString(
                        Map.of("name", "directory reader", "secret", password)))))
        .get("id")
        .asText();
  }

  private ResultActions discover(Map<String, Object> request) throws Exception {
    return mvc.perform(
        post("/api/directory/discover")
            .with(MigrationApiTest.ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(request)));
  }

  private ResultActions register(Map<String, Object> migration) throws Exception {
    return mvc.perform(
        post("/api/migrations")
            .with(MigrationApiTest.ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(migration)));
  }

  private JsonNode body(ResultActions result) throws Exception {
    return json.readTree(result.andReturn().getResponse().getContentAsString());
  }
}
