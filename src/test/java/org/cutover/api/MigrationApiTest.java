package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.cutover.dns.DnsChange;
import org.cutover.dns.DnsStep;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.JdbcDnsChangeJournal;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.process.RunbookControl;
import org.cutover.process.RunbookStart;
import org.cutover.process.SyncRequested;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The REST API in the whole application, with the runbook and the capabilities stubbed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MigrationApiTest {

  static final String SOURCE_PASSWORD = "S0urce-Admin-Pa55!";
  static final String CLIENT_SECRET = "cl1ent~Secret.Value";
  static final String DNS_KEY = "hmac-sha256:cutover:c2VjcmV0LWRucy1rZXk=";

  /** The administrator, as a program calls: HTTP Basic and the header a change needs. */
  static final RequestPostProcessor ADMIN =
      request -> {
        request.addHeader("X-Requested-By", "cutover");
        return httpBasic("admin", "admin-test-password").postProcessRequest(request);
      };

  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired MigrationStore store;
  @Autowired IdentityService identity;
  @Autowired TestRestTemplate http;
  @Autowired org.cutover.migration.reports.PassRecords passRecords;

  @BeforeEach
  void runbookStarts() {
    when(runbook.start(any())).thenReturn("process-instance-1");
    when(runbook.currentSteps(any())).thenReturn(List.of("Verify domain TXT record"));
  }

  @AfterEach
  void emptyTables() {
    jdbc.sql("DELETE FROM report_skipped_item").update();
    jdbc.sql("DELETE FROM report_folder").update();
    jdbc.sql("DELETE FROM report_mailbox").update();
    jdbc.sql("DELETE FROM report_pass").update();
    jdbc.sql("DELETE FROM dns_change").update();
    jdbc.sql("DELETE FROM mailbox").update();
    jdbc.sql("DELETE FROM endpoint").update();
    jdbc.sql("DELETE FROM migration").update();
    jdbc.sql("DELETE FROM secret").update();
  }

  @Test
  void refusesCallsWithoutLogin() throws Exception {
    mvc.perform(get("/api/migrations"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", startsWith("Basic")))
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:unauthenticated"))
        .andExpect(jsonPath("$.status").value(401));
    mvc.perform(get("/api/migrations").with(httpBasic("nobody", "wrong")))
        .andExpect(status().isUnauthorized());
    mvc.perform(post("/api/migrations").contentType(MediaType.APPLICATION_JSON).content("{}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void leavesCamundasWebappsAndRestApiToTheirOwnSecurity(@Autowired ProcessEngine engine) {
    // Tests give the engine a unique name, so the REST API is addressed by it.
    String tasks = "/engine-rest/engine/" + engine.getName() + "/task";
    ResponseEntity<String> engineRest = http.getForEntity(tasks, String.class);
    assertThat(engineRest.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(engineRest.getHeaders().getFirst("WWW-Authenticate")).contains(engine.getName());
    assertThat(
            http.withBasicAuth("admin", "admin-test-password")
                .getForEntity(tasks, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    ResponseEntity<String> tasklist =
        http.getForEntity("/camunda/app/tasklist/" + engine.getName() + "/", String.class);
    assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.getHeaders().getFirst("X-Frame-Options")).isNotEqualTo("DENY");
    assertThat(http.getForEntity("/swagger-ui/index.html", String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
  }

  @Test
  void refusesUsersWhoAreNotAdministrators() throws Exception {
    User clerk = identity.newUser("clerk");
    clerk.setPassword("clerk-password");
    identity.saveUser(clerk);
    try {
      mvc.perform(get("/api/migrations").with(httpBasic("clerk", "clerk-password")))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.detail", containsString("camunda-admin")));
      // A wrong password is refused (and counts against this client address, not the user).
      mvc.perform(get("/api/migrations").with(httpBasic("clerk", "wrong")))
          .andExpect(status().isUnauthorized());
    } finally {
      identity.deleteUser("clerk");
    }
  }

  @Test
  void batchNameWithSpacesIsRefusedNamingTheFieldAndTheRule() throws Exception {
    Map<String, Object> body = migration(3);
    body.put("batchName", "wave 1!");

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.batchName"))
        .andExpect(
            jsonPath("$.errors[0].message", containsString("only letters, digits, '-' and '_'")));
    verify(runbook, never()).start(any());
    assertThat(count("migration")).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void anUnknownDnsProviderIsRefusedListingTheKnownOnesInTheRequestsLanguage() throws Exception {
    Map<String, Object> body = migration(3);
    ((Map<String, Object>) body.get("dns")).put("provider", "route53");

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.dns.provider"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    "is not a DNS provider of this Cutover; give one of cloudflare, rfc2136, or"
                        + " choose GUIDED"));
    mvc.perform(
            post("/api/migrations")
                .with(ADMIN)
                .header("Accept-Language", "da")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.dns.provider"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value(
                    "er ikke en DNS-udbyder i denne Cutover; angiv en af cloudflare, rfc2136,"
                        + " eller vælg GUIDED"));
    verify(runbook, never()).start(any());
    assertThat(count("migration")).isZero();
    assertThat(count("secret")).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aDnsProvidersMissingOrUnusableSettingsAreRefusedBeforeAnythingIsStored() throws Exception {
    Map<String, Object> noServer = migration(3);
    ((Map<String, Object>) noServer.get("dns")).remove("server");
    Map<String, Object> cloudflareWithKey = migration(3);
    ((Map<String, Object>) cloudflareWithKey.get("dns")).put("provider", "cloudflare");
    Map<String, Object> noToken = migration(3);
    ((Map<String, Object>) noToken.get("dns")).put("provider", "cloudflare");
    ((Map<String, Object>) noToken.get("dns")).remove("credentials");

    create(noServer)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.dns.server"))
        .andExpect(
            jsonPath(
                "$.errors[0].message", startsWith("the DNS provider rfc2136 needs the server")));
    create(cloudflareWithKey)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.dns.credentials"))
        .andExpect(jsonPath("$.errors[0].message", startsWith("must be a Cloudflare API token")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("c2VjcmV0"))));
    create(noToken)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.dns.credentials"))
        .andExpect(
            jsonPath(
                "$.errors[0].message",
                startsWith("the DNS provider cloudflare needs its key or token")));
    verify(runbook, never()).start(any());
    assertThat(count("migration")).isZero();
    assertThat(count("secret")).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aMicrosoft365MigrationWithoutItsLicenceIsRefusedSayingWhyBeforeAnythingIsStored()
      throws Exception {
    Map<String, Object> body = migration(3);
    ((Map<String, Object>) body.get("target")).remove("licenceSku");

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.target.licenceSku"))
        .andExpect(
            jsonPath(
                "$.errors[0].message",
                allOf(
                    containsString("EXCHANGESTANDARD"),
                    containsString("each mailbox must exist before the first sync"))));
    mvc.perform(
            post("/api/migrations")
                .with(ADMIN)
                .header("Accept-Language", "da")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.target.licenceSku"))
        .andExpect(
            jsonPath(
                "$.errors[0].message",
                containsString("hver postkasse skal findes før den første synkronisering")));
    verify(runbook, never()).start(any());
    assertThat(count("migration")).isZero();
    assertThat(count("secret")).isZero();
  }

  @Test
  @SuppressWarnings("unchecked")
  void thePlainAdminLoginForSeveralMailboxesIsRefusedSayingWhatToUseInBothLanguages()
      throws Exception {
    Map<String, Object> body = migration(3);
    ((Map<String, Object>) body.get("source")).put("auth", "PLAIN");

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.source.auth"))
        .andExpect(
            jsonPath(
                "$.errors[0].message",
                allOf(containsString("DELEGATED_ADMIN"), containsString("XOAUTH2"))));
    mvc.perform(
            post("/api/migrations")
                .with(ADMIN)
                .header("Accept-Language", "da")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.source.auth"))
        .andExpect(
            jsonPath("$.errors[0].message", containsString("admin-brugerens egen postkasse")));
    verify(runbook, never()).start(any());
    assertThat(count("migration")).isZero();
    assertThat(count("secret")).isZero();
  }

  @Test
  void refuses2001Mailboxes() throws Exception {
    create(migration(2001))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.mailboxes"))
        .andExpect(jsonPath("$.errors[0].message", containsString("between 1 and 2000")));
    assertThat(count("migration")).isZero();
  }

  @Test
  void accepts151MailboxesWithAWarning() throws Exception {
    create(migration(151))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.warnings", hasSize(1)))
        .andExpect(jsonPath("$.warnings[0]", startsWith("151 mailboxes in one batch")));
  }

  @Test
  void aRunningMigrationsCredentialIsReplacedOnlyByAStoredOneAndItsFailedStepsRetried()
      throws Exception {
    MvcResult created = create(migration(1)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    String unknown = "{\"credentialId\": \"3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90\"}";
    mvc.perform(
            put("/api/migrations/" + id + "/credentials/source")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(unknown))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.credentialId"));
    mvc.perform(
            put("/api/migrations/" + id + "/credentials/elsewhere")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content(unknown))
        .andExpect(status().isBadRequest());
    String stored =
        json.readTree(
                mvc.perform(
                        post("/api/credentials")
                            .with(ADMIN)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"new source\", \"secret\": \"new-pass\"}"))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .get("id")
            .asText();
    when(runbook.retryFailedSteps(id)).thenReturn(1);

    mvc.perform(
            put("/api/migrations/" + id + "/credentials/source")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"credentialId\": \"" + stored + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.retriedSteps").value(1));
    assertThat(
            jdbc.sql(
                    "SELECT credential_id FROM endpoint WHERE migration_id = :id AND role ="
                        + " 'SOURCE'")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo(stored);
  }

  @Test
  void registersAndStartsAMigration() throws Exception {
    Map<String, Object> body = migration(3);
    body.put("durations", Map.of("finalWait", "PT1H", "txtMaxAttempts", 3));

    MvcResult created =
        create(body)
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.warnings", hasSize(0)))
            .andReturn();

    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    assertThat(created.getResponse().getHeader("Location")).endsWith("/api/migrations/" + id);
    ArgumentCaptor<RunbookStart> start = ArgumentCaptor.forClass(RunbookStart.class);
    verify(runbook).start(start.capture());
    assertThat(start.getValue().migrationId()).isEqualTo(id);
    assertThat(start.getValue().finalWait()).isEqualTo(Duration.ofHours(1));
    assertThat(start.getValue().txtMaxAttempts()).isEqualTo(3);
    assertThat(start.getValue().txtRetryWait()).isEqualTo(Duration.ofMinutes(15));
    assertThat(start.getValue().guidedDns()).isFalse();
    assertThat(start.getValue().targetType()).isEqualTo("MICROSOFT_365");
    assertThat(
            jdbc.sql("SELECT process_instance_id FROM migration WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("process-instance-1");

    mvc.perform(get("/api/migrations/" + id).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.phase").value("PREPARING"))
        .andExpect(jsonPath("$.currentSteps[0]").value("Verify domain TXT record"))
        .andExpect(jsonPath("$.batchStatus").value("NOT_CREATED"))
        .andExpect(jsonPath("$.mailboxCounts.QUEUED").value(3))
        .andExpect(jsonPath("$.source.host").value("mail.contoso.com"))
        .andExpect(jsonPath("$.mailboxes", hasSize(3)))
        .andExpect(jsonPath("$.mailboxes[0].emailAddress").value("user0@contoso.com"))
        .andExpect(jsonPath("$.mailboxes[0].status").value("QUEUED"))
        .andExpect(jsonPath("$.mailboxes[0].messagesCopied").value(0));
    mvc.perform(get("/api/migrations").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(id))
        .andExpect(jsonPath("$[0].batchName").value("contoso-wave-1"))
        .andExpect(jsonPath("$[0].phase").value("PREPARING"));
  }

  @Test
  void showsTheDnsChangesOfTheMigration(@Autowired JdbcDnsChangeJournal journal) throws Exception {
    String id = createdId();
    Instant lowered = Instant.parse("2026-03-02T08:00:00Z");
    Instant swapped = lowered.plus(Duration.ofDays(1));
    RecordSet original = RecordSet.of("contoso.com", RecordType.MX, 86400, "10 mail.contoso.com.");
    RecordSet target =
        RecordSet.of(
            "contoso.com", RecordType.MX, 3600, "0 contoso-com.mail.protection.outlook.com.");
    DnsChange lower =
        journal.record(
            DnsChange.requested(
                id,
                DnsStep.LOWER_MX_TTL,
                "contoso.com",
                RecordType.MX,
                Optional.of(original),
                Optional.of(original.withTtl(3600)),
                lowered));
    journal.markApplied(lower.id(), lowered, Optional.of(original.withTtl(3600)));
    journal.record(
        DnsChange.requested(
            id,
            DnsStep.SWAP_MX,
            "contoso.com",
            RecordType.MX,
            Optional.of(original.withTtl(3600)),
            Optional.of(target),
            swapped));

    mvc.perform(get("/api/migrations/" + id).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.dnsChanges", hasSize(2)))
        .andExpect(jsonPath("$.dnsChanges[0].step").value("LOWER_MX_TTL"))
        .andExpect(jsonPath("$.dnsChanges[0].name").value("contoso.com."))
        .andExpect(jsonPath("$.dnsChanges[0].type").value("MX"))
        .andExpect(jsonPath("$.dnsChanges[0].before.ttl").value(86400))
        .andExpect(jsonPath("$.dnsChanges[0].before.values[0]").value("10 mail.contoso.com."))
        .andExpect(jsonPath("$.dnsChanges[0].after.ttl").value(3600))
        .andExpect(jsonPath("$.dnsChanges[0].requestedAt").value("2026-03-02T08:00:00Z"))
        .andExpect(jsonPath("$.dnsChanges[0].appliedAt").value("2026-03-02T08:00:00Z"))
        .andExpect(jsonPath("$.dnsChanges[0].rolledBackAt").doesNotExist())
        .andExpect(jsonPath("$.dnsChanges[1].step").value("SWAP_MX"))
        .andExpect(
            jsonPath("$.dnsChanges[1].after.values[0]")
                .value("0 contoso-com.mail.protection.outlook.com."))
        .andExpect(jsonPath("$.dnsChanges[1].appliedAt").doesNotExist());
  }

  @Test
  void listsMailboxesAPageAtATimeWithTheBatchSummaryAlways() throws Exception {
    MvcResult created = create(migration(5)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    List<String> ids =
        jdbc.sql("SELECT id FROM mailbox WHERE migration_id = :id ORDER BY position")
            .param("id", id)
            .query(String.class)
            .list();
    jdbc.sql(
            "UPDATE mailbox SET status = 'SYNCING', last_sync_started_at = :started,"
                + " pass_folders_done = 2, pass_folders_total = 4, pass_messages_copied = 50,"
                + " pass_messages_to_copy = 100, pass_bytes_copied = 5000000,"
                + " pass_bytes_to_copy = 10000000, pass_progress_at = :now WHERE id = :id")
        .param("started", java.time.OffsetDateTime.now().minusSeconds(10))
        .param("now", java.time.OffsetDateTime.now())
        .param("id", ids.get(1))
        .update();

    mvc.perform(get("/api/migrations/" + id).param("page", "1").param("size", "2").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mailboxProgress.waiting").value(4))
        .andExpect(jsonPath("$.mailboxProgress.syncing").value(1))
        .andExpect(jsonPath("$.mailboxProgress.messagesCopied").value(50))
        .andExpect(jsonPath("$.mailboxProgress.bytesToCopy").value(10000000))
        .andExpect(jsonPath("$.mailboxPage.total").value(5))
        .andExpect(jsonPath("$.mailboxes", hasSize(2)))
        .andExpect(jsonPath("$.mailboxes[0].emailAddress").value("user2@contoso.com"));
    mvc.perform(get("/api/migrations/" + id).param("mailboxes", "syncing").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mailboxPage.total").value(1))
        .andExpect(jsonPath("$.mailboxes[0].pass.foldersDone").value(2))
        .andExpect(jsonPath("$.mailboxes[0].pass.messagesToCopy").value(100))
        .andExpect(jsonPath("$.mailboxes[0].pass.bytesPerSecond").isNumber())
        .andExpect(jsonPath("$.mailboxes[0].pass.estimatedSecondsLeft").isNumber());
    mvc.perform(get("/api/migrations/" + id).param("mailboxes", "none").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.mailboxes", hasSize(0)))
        .andExpect(jsonPath("$.mailboxProgress.waiting").value(4));
  }

  @Test
  void aBadMailboxFilterOrPageIsRefusedSayingWhatIsAllowed() throws Exception {
    MvcResult created = create(migration(1)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();

    mvc.perform(get("/api/migrations/" + id).param("mailboxes", "busy").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("all, waiting, syncing")));
    mvc.perform(get("/api/migrations/" + id).param("size", "501").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("size from 1 to 500")));
  }

  @Test
  void pagesFiltersAndSortsTheMailboxesOnTheirOwnEndpoint() throws Exception {
    MvcResult created = create(migration(5)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    List<String> ids =
        jdbc.sql("SELECT id FROM mailbox WHERE migration_id = :id ORDER BY position")
            .param("id", id)
            .query(String.class)
            .list();
    setStatus(ids.get(1), "SYNCED", 300);
    setStatus(ids.get(3), "SYNCED", 100);
    setStatus(ids.get(4), "FAILED", 0);
    String mailboxes = "/api/migrations/" + id + "/mailboxes";

    mvc.perform(get(mailboxes).with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page.total").value(5))
        .andExpect(jsonPath("$.page.filter").value("ALL"))
        .andExpect(jsonPath("$.mailboxes", hasSize(5)))
        .andExpect(jsonPath("$.mailboxes[0].emailAddress").value("user0@contoso.com"));
    mvc.perform(get(mailboxes).param("status", "synced").param("sort", "-bytesCopied").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page.total").value(2))
        .andExpect(
            jsonPath("$.mailboxes[*].emailAddress")
                .value(contains("user1@contoso.com", "user3@contoso.com")));
    mvc.perform(get(mailboxes).param("status", "synced").param("sort", "bytesCopied").with(ADMIN))
        .andExpect(
            jsonPath("$.mailboxes[*].emailAddress")
                .value(contains("user3@contoso.com", "user1@contoso.com")));
    mvc.perform(get(mailboxes).param("status", "failed").with(ADMIN))
        .andExpect(jsonPath("$.page.total").value(1))
        .andExpect(jsonPath("$.mailboxes[0].emailAddress").value("user4@contoso.com"));
    mvc.perform(get(mailboxes).param("page", "1").param("size", "2").with(ADMIN))
        .andExpect(jsonPath("$.page.page").value(1))
        .andExpect(
            jsonPath("$.mailboxes[*].emailAddress")
                .value(contains("user2@contoso.com", "user3@contoso.com")));
    mvc.perform(get(mailboxes).param("page", "2").param("size", "2").with(ADMIN))
        .andExpect(jsonPath("$.mailboxes[*].emailAddress").value(contains("user4@contoso.com")));
    mvc.perform(get(mailboxes).param("page", "3").param("size", "2").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page.total").value(5))
        .andExpect(jsonPath("$.mailboxes", hasSize(0)));
    mvc.perform(get(mailboxes).param("sort", "-emailAddress").param("size", "1").with(ADMIN))
        .andExpect(jsonPath("$.mailboxes[0].emailAddress").value("user4@contoso.com"));
  }

  @Test
  void theMailboxEndpointRefusesBadParametersSayingWhatIsAllowed() throws Exception {
    MvcResult created = create(migration(1)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    String mailboxes = "/api/migrations/" + id + "/mailboxes";

    mvc.perform(get(mailboxes).param("status", "none").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(
            jsonPath("$.detail")
                .value("status must be one of all, waiting, syncing, synced, failed, not 'none'"));
    mvc.perform(get(mailboxes).param("status", "busy").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("not 'busy'")));
    mvc.perform(get(mailboxes).param("sort", "size").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("emailAddress")))
        .andExpect(jsonPath("$.detail", containsString("leading - for descending")));
    mvc.perform(get(mailboxes).param("page", "-1").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("page must be 0 or more")));
    mvc.perform(get(mailboxes).param("size", "0").with(ADMIN))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("size from 1 to 500")));
    mvc.perform(get("/api/migrations/no-such-migration/mailboxes").with(ADMIN))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private void setStatus(String mailboxId, String status, long bytesCopied) {
    jdbc.sql("UPDATE mailbox SET status = :status, bytes_copied = :bytes WHERE id = :id")
        .param("status", status)
        .param("bytes", bytesCopied)
        .param("id", mailboxId)
        .update();
  }

  @Test
  void neverEchoesASecret() throws Exception {
    MvcResult created = create(migration(2)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    mvc.perform(
            post("/api/credentials")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"spare\",\"secret\":\"" + SOURCE_PASSWORD + "\"}"))
        .andExpect(status().isCreated());
    Map<String, Object> invalid = migration(2);
    invalid.put("batchName", "bad name");

    List<String> bodies = new ArrayList<>();
    bodies.add(created.getResponse().getContentAsString());
    bodies.add(body(get("/api/migrations/" + id)));
    bodies.add(body(get("/api/migrations")));
    bodies.add(body(get("/api/credentials")));
    bodies.add(create(invalid).andReturn().getResponse().getContentAsString());
    bodies.add(
        jdbc.sql("SELECT name || nonce || ciphertext FROM secret")
            .query(String.class)
            .list()
            .toString());

    for (String body : bodies) {
      assertThat(body)
          .doesNotContain(SOURCE_PASSWORD)
          .doesNotContain(CLIENT_SECRET)
          .doesNotContain(DNS_KEY)
          .doesNotContain("\"password\"")
          .doesNotContain("clientSecret");
    }
    assertThat(count("secret")).isEqualTo(4);
  }

  @Test
  void unknownIdIsNotFound() throws Exception {
    for (MockHttpServletRequestBuilder request :
        List.of(
            get("/api/migrations/no-such-id"),
            post("/api/migrations/no-such-id/start"),
            post("/api/migrations/no-such-id/cancel"))) {
      mvc.perform(request.with(ADMIN))
          .andExpect(status().isNotFound())
          .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.type").value("urn:cutover:problem:not-found"))
          .andExpect(jsonPath("$.detail", containsString("no-such-id")));
    }
  }

  @Test
  void aRequestNoOperationTakesIsAnsweredWithAProblemSayingWhatTheApiTakes() {
    TestRestTemplate admin = http.withBasicAuth("admin", "admin-test-password");

    ResponseEntity<String> unknownPath = admin.getForEntity("/api/migration", String.class);
    assertProblem(unknownPath, HttpStatus.NOT_FOUND, "no-such-path", "/v3/api-docs");

    HttpHeaders requestedBy = new HttpHeaders();
    requestedBy.set("X-Requested-By", "cutover");
    ResponseEntity<String> wrongMethod =
        admin.exchange(
            "/api/migrations", HttpMethod.DELETE, new HttpEntity<>(requestedBy), String.class);
    assertProblem(wrongMethod, HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "GET, POST");

    HttpHeaders plainText = new HttpHeaders();
    plainText.setContentType(MediaType.TEXT_PLAIN);
    plainText.set("X-Requested-By", "cutover");
    ResponseEntity<String> wrongType =
        admin.postForEntity(
            "/api/migrations", new HttpEntity<>("domain=contoso.com", plainText), String.class);
    assertProblem(
        wrongType, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "application/json");

    ResponseEntity<String> idLeftOut =
        admin.postForEntity(
            URI.create(http.getRootUri() + "/api/migrations//cancel"), null, String.class);
    assertProblem(idLeftOut, HttpStatus.BAD_REQUEST, "rejected-url", "migration id");
  }

  private static void assertProblem(
      ResponseEntity<String> response, HttpStatus status, String type, String advice) {
    assertThat(response.getStatusCode()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody())
        .contains("\"type\":\"urn:cutover:problem:" + type + "\"")
        .contains("\"status\":" + status.value())
        .contains(advice);
  }

  @Test
  void startsTheBatchOrSaysWhyNot() throws Exception {
    String id = createdId();
    mvc.perform(post("/api/migrations/" + id + "/start").with(ADMIN))
        .andExpect(status().isAccepted());
    verify(runbook).startBatch(id);

    doThrow(new IllegalStateException("not waiting")).when(runbook).startBatch(id);
    mvc.perform(post("/api/migrations/" + id + "/start").with(ADMIN))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:wrong-state"))
        .andExpect(jsonPath("$.detail", containsString("not waiting to be started")));
  }

  @Test
  void cancelsOrSaysItIsTooLate() throws Exception {
    String id = createdId();
    mvc.perform(post("/api/migrations/" + id + "/cancel").with(ADMIN))
        .andExpect(status().isAccepted());
    verify(runbook).cancel(id);

    doThrow(new IllegalStateException("ended")).when(runbook).cancel(id);
    mvc.perform(post("/api/migrations/" + id + "/cancel").with(ADMIN))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("can no longer be cancelled")));
  }

  @Test
  void syncsTheNamedMailboxesNowAndSaysWhatWasQueued() throws Exception {
    String id = createdId();
    List<MailboxState> mailboxes = store.mailboxes(id);
    String first = mailboxes.get(0).id();
    String second = mailboxes.get(1).id();
    when(runbook.requestSync(id, List.of(first, second)))
        .thenReturn(new SyncRequested(List.of(second), List.of(first)));

    mvc.perform(
            post("/api/migrations/" + id + "/sync")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mailboxes\": [\"USER0@contoso.com\", \"" + second + "\"]}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.kind").value("INCREMENTAL"))
        .andExpect(jsonPath("$.queued[0].emailAddress").value("user1@contoso.com"))
        .andExpect(jsonPath("$.alreadyQueued[0].emailAddress").value("user0@contoso.com"));

    when(runbook.requestSync(any(), any())).thenReturn(new SyncRequested(List.of(), List.of()));
    mvc.perform(post("/api/migrations/" + id + "/sync").with(ADMIN))
        .andExpect(status().isAccepted());
    // every mailbox of the migration: here the same two as named above
    verify(runbook, times(2)).requestSync(id, mailboxes.stream().map(MailboxState::id).toList());
    assertThat(mailboxes).hasSize(2);
  }

  @Test
  void refusesASyncOfUnknownMailboxesOrInTheWrongPhaseWithoutStartingOne() throws Exception {
    String id = createdId();
    mvc.perform(
            post("/api/migrations/" + id + "/sync")
                .with(ADMIN)
                .header("Accept-Language", "da")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mailboxes\": [\"user0@contoso.com\", \"nobody@contoso.com\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.mailboxes[1]"))
        .andExpect(jsonPath("$.errors[0].message", containsString("er ikke en postkasse")));
    mvc.perform(
            post("/api/migrations/" + id + "/sync")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"final\": true, \"mailboxes\": [\"user0@contoso.com\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message", containsString("final sync sweeps every")));
    mvc.perform(
            post("/api/migrations/" + id + "/sync")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"mailbox\": []}"))
        .andExpect(status().isBadRequest());
    verify(runbook, org.mockito.Mockito.never()).requestSync(any(), any());

    doThrow(new IllegalStateException("not in sync")).when(runbook).requestSync(any(), any());
    mvc.perform(post("/api/migrations/" + id + "/sync").with(ADMIN))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:wrong-state"))
        .andExpect(jsonPath("$.detail", containsString("cannot sync on request now")));
    doThrow(new IllegalStateException("not waiting")).when(runbook).requestFinalSync(id);
    mvc.perform(
            post("/api/migrations/" + id + "/sync")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"final\": true}"))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail", containsString("cannot start its final sync now")));
  }

  @Test
  void aSecondMigrationOfTheSameDomainConflicts() throws Exception {
    String first = createdId();

    create(migration(1))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:domain-busy"))
        .andExpect(jsonPath("$.detail", containsString(first)));
  }

  @Test
  void malformedJsonSaysWhere() throws Exception {
    mvc.perform(
            post("/api/migrations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\n  \"domain\": \"contoso.com\",\n  \"batchName\": oops\n}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:malformed-json"))
        .andExpect(jsonPath("$.detail", containsString("line 3")));
    mvc.perform(post("/api/migrations").with(ADMIN).contentType(MediaType.APPLICATION_JSON))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:malformed-json"));
  }

  @Test
  void aValueOfTheWrongKindNamesItsPathAndTheChoices() throws Exception {
    Map<String, Object> body = migration(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> source = (Map<String, Object>) body.get("source");
    source.put("security", "TLS");

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.source.security"))
        .andExpect(
            jsonPath("$.errors[0].message")
                .value("must be one of IMPLICIT_TLS, STARTTLS, PLAINTEXT"))
        .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("TLS\""))));
  }

  @Test
  void aMisspeltPropertyIsReportedNotIgnored() throws Exception {
    Map<String, Object> body = migration(1);
    body.put("autoStartbatch", true);

    create(body)
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.autoStartbatch"))
        .andExpect(jsonPath("$.errors[0].message", containsString("autoStartBatch")));
    mvc.perform(
            post("/api/migrations")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("[]"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:malformed-json"));
  }

  @Test
  void nothingIsKeptWhenTheRunbookCannotStart() throws Exception {
    when(runbook.start(any())).thenThrow(new IllegalStateException("engine unavailable"));

    create(migration(2))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:internal"))
        .andExpect(jsonPath("$.detail", org.hamcrest.Matchers.not(containsString("engine"))));

    assertThat(count("migration")).isZero();
    assertThat(count("secret")).isZero();
  }

  @Test
  void storedCredentialsAreListedWithoutValuesAndUsableById() throws Exception {
    MvcResult stored =
        mvc.perform(
                post("/api/credentials")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"contoso admin\",\"secret\":\"" + SOURCE_PASSWORD + "\"}"))
            .andExpect(status().isCreated())
            .andReturn();
    String credentialId =
        json.readTree(stored.getResponse().getContentAsString()).get("id").asText();

    mvc.perform(get("/api/credentials").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].id").value(credentialId))
        .andExpect(jsonPath("$[0].name").value("contoso admin"))
        .andExpect(jsonPath("$[0].createdAt").exists())
        .andExpect(jsonPath("$[0].secret").doesNotExist());
    Map<String, Object> body = migration(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> source = (Map<String, Object>) body.get("source");
    source.remove("password");
    source.put("credentialId", credentialId);
    create(body).andExpect(status().isCreated());

    mvc.perform(
            post("/api/credentials")
                .with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(
            jsonPath("$.errors[*].path")
                .value(org.hamcrest.Matchers.contains("$.name", "$.secret")));
  }

  @Test
  void servesTheOpenApiDescriptionWithWriteOnlySecrets() throws Exception {
    String description =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    JsonNode api = json.readTree(description);
    assertThat(api.path("paths").has("/api/migrations")).isTrue();
    assertThat(api.path("paths").has("/api/migrations/{id}/cancel")).isTrue();
    assertThat(api.path("paths").has("/api/credentials")).isTrue();
    JsonNode password =
        api.path("components")
            .path("schemas")
            .path("ImapEndpoint")
            .path("properties")
            .path("password");
    assertThat(password.path("writeOnly").asBoolean()).isTrue();
    assertThat(password.path("type").asText()).isEqualTo("string");
    assertThat(
            api.path("components")
                .path("schemas")
                .path("NewMigration")
                .path("properties")
                .path("batchName")
                .path("description")
                .asText())
        .contains("letters, digits");
    JsonNode schemas = api.path("components").path("schemas");
    assertThat(
            schemas
                .path("Details")
                .path("properties")
                .path("dnsChanges")
                .path("description")
                .asText())
        .contains("before and after");
    assertThat(schemas.path("DnsChange").path("properties").path("before").path("$ref").asText())
        .endsWith("/DnsRecords");
    assertThat(
            schemas
                .path("DnsSettings")
                .path("properties")
                .path("autodiscoverOverwriteConsent")
                .path("type")
                .asText())
        .isEqualTo("boolean");
    assertThat(schemas.path("DnsSettings").path("properties").has("spfInclude")).isTrue();
    assertThat(schemas.path("TargetSettings").path("description").asText())
        .contains("clientSecret (or credentialId), licenceSku and usageLocation");
    assertThat(
            schemas
                .path("TargetSettings")
                .path("properties")
                .path("licenceSku")
                .path("description")
                .asText())
        .contains("Required")
        .contains("before the first sync");
  }

  private String createdId() throws Exception {
    MvcResult created = create(migration(2)).andExpect(status().isCreated()).andReturn();
    return json.readTree(created.getResponse().getContentAsString()).get("id").asText();
  }

  @Test
  void reportsAreDownloadedAfterTheBatchIsDeletedAndDeletedOnlyOnceTheRunbookHasEnded()
      throws Exception {
    MvcResult created = create(migration(2)).andExpect(status().isCreated()).andReturn();
    String id = json.readTree(created.getResponse().getContentAsString()).get("id").asText();
    String mailboxId = store.mailboxes(id).get(0).id();
    String address = store.mailboxes(id).get(0).emailAddress();
    passRecords.record(
        mailboxId,
        java.time.Instant.parse("2026-03-01T10:00:00Z"),
        new org.cutover.migration.MailboxSyncReport(
            5,
            0,
            1,
            5000,
            null,
            0,
            List.of(
                new org.cutover.mailsync.SkippedItem(
                    "INBOX",
                    7,
                    90_000_000,
                    null,
                    org.cutover.mailsync.SkippedItem.Reason.TOO_LARGE,
                    "larger than the limit",
                    "<big@contoso.com>",
                    "Big")),
            List.of()));
    assertThat(count("report_pass")).isEqualTo(1);
    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/migrations/" + id)
                .with(ADMIN))
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not ended")));
    jdbc.sql(
            "UPDATE mailbox SET status = 'REMOVED', messages_copied = 5, bytes_copied = 5000 WHERE"
                + " migration_id = :id")
        .param("id", id)
        .update();
    jdbc.sql("UPDATE migration SET phase = 'COMPLETED', batch_status = 'REMOVED' WHERE id = :id")
        .param("id", id)
        .update();

    String csv = body(get("/api/migrations/" + id + "/report.csv"));
    assertThat(List.of(csv.split("\r\n")))
        .hasSize(3)
        .startsWith("EmailAddress,Status,ItemsSynced,ItemsSkipped,Bytes,LastSyncedTime,Error");
    assertThat(csv).contains(address + ",SyncedWithErrors,5,1,5000,");
    mvc.perform(get("/api/migrations/" + id + "/mailboxes/" + address + "/report.csv").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", "text/csv;charset=UTF-8"))
        .andExpect(
            header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("attachment")));
    assertThat(body(get("/api/migrations/" + id + "/skipped.csv")))
        .contains(address + ",INBOX,7,<big@contoso.com>,Big,90000000,,TOO_LARGE");
    mvc.perform(get("/api/migrations/" + id + "/report.html").param("lang", "da").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("Synkroniseret med fejl")))
        .andExpect(
            header()
                .string(
                    "Content-Security-Policy",
                    org.hamcrest.Matchers.containsString("style-src 'unsafe-inline'")));
    mvc.perform(get("/api/migrations/" + id + "/mailboxes/" + address + "/report").with(ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("SYNCED_WITH_ERRORS"))
        .andExpect(jsonPath("$.skipped[0].reason").value("TOO_LARGE"))
        .andExpect(jsonPath("$.skipped[0].messageId").value("<big@contoso.com>"));
    mvc.perform(get("/api/migrations/" + id + "/mailboxes/nobody@contoso.com/report").with(ADMIN))
        .andExpect(status().isNotFound());

    mvc.perform(
            org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete(
                    "/api/migrations/" + id)
                .with(ADMIN))
        .andExpect(status().isNoContent());

    assertThat(count("report_skipped_item")).isZero();
    assertThat(count("report_mailbox")).isZero();
    assertThat(count("report_pass")).isZero();
  }

  private String body(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.with(ADMIN))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private org.springframework.test.web.servlet.ResultActions create(Map<String, Object> body)
      throws Exception {
    return mvc.perform(
        post("/api/migrations")
            .with(ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  static Map<String, Object> migration(int mailboxCount) {
    List<Map<String, Object>> mailboxes = new ArrayList<>();
    for (int i = 0; i < mailboxCount; i++) {
      mailboxes.add(
          Map.of("emailAddress", "user" + i + "@contoso.com", "displayName", "User " + i));
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("host", "mail.contoso.com");
    source.put("security", "IMPLICIT_TLS");
    source.put("auth", "DELEGATED_ADMIN");
    source.put("adminUser", "migration-admin@contoso.com");
    source.put("password", SOURCE_PASSWORD);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "MICROSOFT_365");
    target.put("tenantId", "contoso.onmicrosoft.com");
    target.put("clientId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    target.put("clientSecret", CLIENT_SECRET);
    target.put("licenceSku", "EXCHANGESTANDARD");
    target.put("usageLocation", "DK");
    Map<String, Object> dnsSettings = new LinkedHashMap<>();
    dnsSettings.put("mode", "AUTOMATIC");
    dnsSettings.put("provider", "rfc2136");
    dnsSettings.put("zone", "contoso.com");
    dnsSettings.put("server", "ns1.contoso.com:53");
    dnsSettings.put("credentials", DNS_KEY);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", "contoso.com");
    body.put("batchName", "contoso-wave-1");
    body.put("mailboxes", mailboxes);
    body.put("source", source);
    body.put("target", target);
    body.put("dns", dnsSettings);
    body.put("language", "en");
    body.put("autoStartBatch", false);
    return body;
  }
}
