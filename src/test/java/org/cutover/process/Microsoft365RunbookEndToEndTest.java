package org.cutover.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.cutover.tenant.GraphStubs.EXCHANGE_PLAN_1_SKU_ID;
import static org.cutover.tenant.GraphStubs.GRAPH_SCOPE;
import static org.cutover.tenant.GraphStubs.IMAP_SCOPE;
import static org.cutover.tenant.GraphStubs.M365_E3_SKU_ID;
import static org.cutover.tenant.GraphStubs.createdUser;
import static org.cutover.tenant.GraphStubs.domain;
import static org.cutover.tenant.GraphStubs.graphError;
import static org.cutover.tenant.GraphStubs.json;
import static org.cutover.tenant.GraphStubs.mailboxSettings;
import static org.cutover.tenant.GraphStubs.organization;
import static org.cutover.tenant.GraphStubs.serviceRecords;
import static org.cutover.tenant.GraphStubs.subscribedExchangeAndSuite;
import static org.cutover.tenant.GraphStubs.token;
import static org.cutover.tenant.GraphStubs.tokenRequest;
import static org.cutover.tenant.GraphStubs.userWithId;
import static org.cutover.tenant.GraphStubs.users;
import static org.cutover.tenant.GraphStubs.verificationRecords;
import static org.cutover.tenant.GraphStubs.verifiedDomain;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.InetAddress;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.migration.MigrationStore;
import org.cutover.secrets.SecretStore;
import org.cutover.tenant.InitialPasswords;
import org.cutover.tenant.Microsoft365Stub;
import org.cutover.tenant.Microsoft365Target;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The runbook with a Microsoft 365 target, from the start through the licences: the whole
 * application with the real target adapter talking HTTPS to Entra ID and Graph stubs (WireMock,
 * bodies as Microsoft documents them), the in-process DNS server holding the domains' zones. Only
 * the mail sync engine and the letters are test doubles. The domain is added and verified, the
 * users are created and given the migration's licence at provisioning, so that Exchange Online has
 * made each mailbox before the first sync; the task "Assign licences" lists the tenant's licences
 * with their free seats, the migration's own preselected. Confirming it reports every user as
 * already holding it; adding a second licence with too few seats fails for one user and opens "Fix
 * the failed licences". Each user's outcome is in the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class Microsoft365RunbookEndToEndTest {

  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");
  static final String DOMAIN = "contoso.com";
  static final String SECOND_DOMAIN = "fabrikam.com";
  static final String TSIG_SECRET = "m2ZkQm1hYy1zaGEyNTYtZW5kLXRvLWVuZC1rZXktMDI=";
  static final TsigKey KEY = new TsigKey("cutover-m365", "hmac-sha256", () -> TSIG_SECRET);
  static final String ANNA = "anna@contoso.com";
  static final String BO = "bo@contoso.com";
  static final String ANNA_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
  static final String BO_ID = "5bde3e51-d13b-4db1-9948-fe4b109d11a7";
  static final String CARL = "carl@fabrikam.com";
  static final String DINA = "dina@fabrikam.com";
  static final String CARL_ID = "0c3a1e57-9b4d-4f21-8e6a-2d7c5b9f1a30";
  static final String DINA_ID = "6e2f8d41-7a5c-4b93-a1d0-3f9e8c2b7d64";
  static final String EXCHANGE = EXCHANGE_PLAN_1_SKU_ID;
  static final String SUITE = M365_E3_SKU_ID;
  static final List<String> SYNC_VARIABLES = List.of("migrationId", "mailboxId", "syncMode");

  static final WireMockServer MICROSOFT = Microsoft365Stub.start();
  static final InProcessDnsServer DNS = startDns();

  private static InProcessDnsServer startDns() {
    try {
      InProcessDnsServer server =
          new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
      server.start();
      server.addZone(
          DOMAIN,
          """
          $TTL 3600
          @       IN SOA  ns1.contoso.com. hostmaster.contoso.com. ( 2026030101 3600 900 604800 300 )
                  IN NS   ns1.contoso.com.
                  IN MX   10 mail.contoso.com.
                  IN TXT  "v=spf1 mx -all"
                  IN TXT  "MS=ms12345678"
          ns1     IN A    127.0.0.1
          mail    IN A    192.0.2.25
          """);
      server.addZone(
          SECOND_DOMAIN,
          """
          $TTL 3600
          @       IN SOA  ns1.fabrikam.com. hostmaster.fabrikam.com. ( 2026030101 3600 900 604800 300 )
                  IN NS   ns1.fabrikam.com.
                  IN MX   10 mail.fabrikam.com.
                  IN TXT  "MS=ms12345678"
          ns1     IN A    127.0.0.1
          mail    IN A    192.0.2.26
          """);
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("The in-process DNS server did not start", e);
    }
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry properties) {
    String server = "127.0.0.1:" + DNS.port();
    properties.add("cutover.dns.authoritative-servers", () -> server);
    properties.add("cutover.dns.resolvers", () -> server);
    properties.add("cutover.dns.timeout", () -> "2s");
  }

  @AfterAll
  static void stopServers() {
    MICROSOFT.stop();
    DNS.close();
  }

  @TestConfiguration
  static class Doubles {

    /** The real Microsoft 365 target, pointed at the stubs and trusting their certificate. */
    @Bean
    @Primary
    Microsoft365Target stubbedMicrosoft365(SecretStore secrets, InitialPasswords passwords) {
      return Microsoft365Stub.target(MICROSOFT, secrets, passwords, Clock.systemUTC());
    }

    @Bean
    @Primary
    Ports ports() {
      return new Ports();
    }
  }

  /** The mail sync engine and the letters, recording what they are asked. */
  static final class Ports extends RecordedSyncAndLetters {}

  @Autowired ProcessEngine engine;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired MigrationStore store;
  @Autowired MailboxSyncWorker worker;
  @Autowired Ports ports;

  private String instance;

  @Test
  void usersGetTheMigrationsLicenceWhenCreatedAndConfirmingItInTheTaskFindsThemHoldingIt()
      throws Exception {
    stubTheTenant(DOMAIN);
    stubUser(ANNA, ANNA_ID, "Anna");
    stubUser(BO, BO_ID, "Bo");
    ports.calls.clear();
    String id = register(DOMAIN, ANNA, BO);

    complete("communicateChanges", Map.of("announcementApproved", true));
    complete("approveDnsChanges", Map.of("dnsChangesApproved", true));

    // the domain was added and verified, and Email enabled on it
    MICROSOFT.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1.0/domains"))
            .withRequestBody(equalToJson("{\"id\": \"contoso.com\"}")));
    MICROSOFT.verify(postRequestedFor(urlPathEqualTo("/v1.0/domains/contoso.com/verify")));
    // before any sync: each user created with a usage location, then given the migration's
    // licence, and its mailbox made by Exchange Online
    MICROSOFT.verify(
        2,
        postRequestedFor(urlPathEqualTo("/v1.0/users"))
            .withRequestBody(matchingJsonPath("$.userPrincipalName", matching(".*@contoso\\.com")))
            .withRequestBody(matchingJsonPath("$.usageLocation", equalTo("DK"))));
    for (String userId : List.of(ANNA_ID, BO_ID)) {
      MICROSOFT.verify(
          1,
          postRequestedFor(urlPathEqualTo("/v1.0/users/" + userId + "/assignLicense"))
              .withRequestBody(equalToJson(assignBody(EXCHANGE))));
      MICROSOFT.verify(
          getRequestedFor(urlPathEqualTo("/v1.0/users/" + userId + "/mailboxSettings")));
    }
    assertThat(ports.calls).doesNotContain("sync INITIAL");
    assertThat(workSyncTasks()).isEqualTo(2);
    assertThat(ports.calls).filteredOn("sync INITIAL"::equals).hasSize(2);

    // the licence task lists the tenant's licences with their free seats, the migration's own
    // preselected (Tasklist shows chosenLicence as the select's value)
    Task licences = task("assignLicences");
    JsonNode offered = offered(licences);
    assertThat(offered.get(0).path("label").asText())
        .isEqualTo(
            "Exchange Online (Plan 1) (EXCHANGESTANDARD): 11 of 25 free"
                + LicenceTask.MIGRATION_LICENCE_MARK);
    assertThat(offered.get(0).path("value").asText()).isEqualTo(EXCHANGE);
    assertThat(offered.get(1).path("label").asText())
        .isEqualTo("Microsoft 365 E3 (SPE_E3): 1 of 10 free");
    assertThat(offered.get(1).path("value").asText()).isEqualTo(SUITE);
    assertThat(offered.get(2).path("value").asText()).isEqualTo("NONE");
    assertThat(offered).hasSize(3);
    assertThat(engine.getTaskService().getVariable(licences.getId(), "chosenLicence"))
        .isEqualTo(EXCHANGE);
    assertThat(engine.getTaskService().getVariableLocal(licences.getId(), "migrationLicence"))
        .isEqualTo("Exchange Online (Plan 1) (EXCHANGESTANDARD): 11 of 25 free");

    complete("assignLicences", Map.of("chosenLicence", EXCHANGE));

    // every user holds it since provisioning: nothing is assigned again, nothing failed
    for (String userId : List.of(ANNA_ID, BO_ID)) {
      MICROSOFT.verify(
          1, postRequestedFor(urlPathEqualTo("/v1.0/users/" + userId + "/assignLicense")));
    }
    Map<String, JsonNode> byUser = licencesByUser(id);
    assertThat(byUser.keySet()).containsExactly(ANNA, BO);
    for (JsonNode user : byUser.values()) {
      assertThat(user.path("outcome").asText()).isEqualTo("ALREADY_HELD");
      assertThat(user.path("skuPartNumber").asText()).isEqualTo("EXCHANGESTANDARD");
      assertThat(user.path("reason").isNull() || user.path("reason").isMissingNode()).isTrue();
    }
    assertThat((String) variable("licenceReport"))
        .startsWith("Licence EXCHANGESTANDARD: assigned to 0, already held by 2, failed for 0");
    assertThat(variable("licenceFailures")).isEqualTo(0);
    assertThat(passed("cutOverStarted")).isEqualTo(1);
  }

  @Test
  void aSecondLicenceWithTooFewSeatsFailsForOneUserAndOpensTheFollowUp() throws Exception {
    stubTheTenant(SECOND_DOMAIN);
    stubUser(CARL, CARL_ID, "Carl");
    stubUser(DINA, DINA_ID, "Dina");
    MICROSOFT.stubFor(
        graph("POST", "/users/" + CARL_ID + "/assignLicense")
            .withRequestBody(equalToJson(assignBody(SUITE)))
            .willReturn(okJson(userWithId(CARL_ID, CARL, "DK", EXCHANGE, SUITE))));
    MICROSOFT.stubFor(
        graph("POST", "/users/" + DINA_ID + "/assignLicense")
            .withRequestBody(equalToJson(assignBody(SUITE)))
            .willReturn(
                graphError(
                    400,
                    "Request_BadRequest",
                    "Subscription with SKU " + SUITE + " does not have any available licenses.")));
    String id = register(SECOND_DOMAIN, CARL, DINA);

    complete("communicateChanges", Map.of("announcementApproved", true));
    complete("approveDnsChanges", Map.of("dnsChangesApproved", true));
    for (String userId : List.of(CARL_ID, DINA_ID)) {
      MICROSOFT.verify(
          1,
          postRequestedFor(urlPathEqualTo("/v1.0/users/" + userId + "/assignLicense"))
              .withRequestBody(equalToJson(assignBody(EXCHANGE))));
    }
    assertThat(workSyncTasks()).isEqualTo(2);

    // the administrator adds the full suite to every user; its one free seat goes to Carl
    complete("assignLicences", Map.of("chosenLicence", SUITE));

    Map<String, JsonNode> byUser = licencesByUser(id);
    assertThat(byUser.keySet()).containsExactly(CARL, DINA);
    assertThat(byUser.get(CARL).path("outcome").asText()).isEqualTo("ASSIGNED");
    assertThat(byUser.get(CARL).path("skuPartNumber").asText()).isEqualTo("SPE_E3");
    assertThat(byUser.get(DINA).path("outcome").asText()).isEqualTo("FAILED");
    assertThat(byUser.get(DINA).path("reason").asText())
        .contains("No free licence SPE_E3 is left for dina@fabrikam.com")
        .contains("buy more licences or free some");

    // the follow-up shows the report, preselects nothing; fixed by hand, the runbook goes on
    assertThat(currentTask()).isEqualTo("fixLicences");
    Task fix = task("fixLicences");
    assertThat(engine.getTaskService().getVariable(fix.getId(), "chosenLicence")).isNull();
    assertThat(offered(fix)).hasSize(3);
    assertThat((String) variable("licenceReport"))
        .startsWith("Licence SPE_E3: assigned to 1, already held by 0, failed for 1")
        .contains("- dina@fabrikam.com: No free licence SPE_E3");
    complete("fixLicences", Map.of("chosenLicence", "NONE"));
    assertThat(passed("cutOverStarted")).isEqualTo(1);
    assertThat(licencesByUser(id).get(DINA).path("outcome").asText()).isEqualTo("FAILED");
  }

  /** Entra ID and Graph as the runbook meets them, in Microsoft's documented shapes. */
  private void stubTheTenant(String domain) {
    MICROSOFT.stubFor(tokenRequest(GRAPH_SCOPE).willReturn(token("graph-token")));
    MICROSOFT.stubFor(tokenRequest(IMAP_SCOPE).willReturn(token("outlook-token")));
    MICROSOFT.stubFor(graph("GET", "/organization").willReturn(okJson(organization(null))));
    MICROSOFT.stubFor(
        graph("GET", "/subscribedSkus").willReturn(okJson(subscribedExchangeAndSuite())));
    // preflight: nobody holds the migration's licence yet, so the batch needs a seat per user
    MICROSOFT.stubFor(
        graph("GET", "/users")
            .withQueryParam("$filter", containing("assignedLicenses/any"))
            .withHeader("ConsistencyLevel", equalTo("eventual"))
            .willReturn(okJson(users())));
    // the domain: absent, added, verified on the first try, Email enabled
    String path = "/domains/" + domain;
    MICROSOFT.stubFor(
        graph("GET", path)
            .inScenario(domain)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
    MICROSOFT.stubFor(
        graph("POST", "/domains")
            .withRequestBody(equalToJson("{\"id\": \"" + domain + "\"}"))
            .inScenario(domain)
            .willReturn(json(201, domain(domain, false)))
            .willSetStateTo("added"));
    MICROSOFT.stubFor(
        graph("GET", path)
            .inScenario(domain)
            .whenScenarioStateIs("added")
            .willReturn(okJson(domain(domain, false))));
    MICROSOFT.stubFor(
        graph("POST", path + "/verify")
            .inScenario(domain)
            .willReturn(okJson(verifiedDomain(domain)))
            .willSetStateTo("verified"));
    MICROSOFT.stubFor(
        graph("GET", path)
            .inScenario(domain)
            .whenScenarioStateIs("verified")
            .willReturn(okJson(domain(domain, true, "Email"))));
    MICROSOFT.stubFor(
        graph("PATCH", path)
            .withRequestBody(matchingJsonPath("$.supportedServices[?(@ == 'Email')]"))
            .willReturn(aResponse().withStatus(204)));
    MICROSOFT.stubFor(
        graph("GET", path + "/verificationDnsRecords")
            .willReturn(okJson(verificationRecords(domain))));
    MICROSOFT.stubFor(
        graph("GET", path + "/serviceConfigurationRecords")
            .willReturn(
                okJson(
                    serviceRecords(
                        domain, domain.replace('.', '-') + ".mail.protection.outlook.com"))));
  }

  /**
   * One user: absent, then created (with a usage location, without a licence); given the
   * migration's licence it holds it, and only then has Exchange Online made its mailbox.
   */
  private void stubUser(String address, String userId, String name) {
    String filter = "userPrincipalName eq '" + address + "'";
    MICROSOFT.stubFor(
        graph("GET", "/users/" + address + "/mailboxSettings")
            .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
    MICROSOFT.stubFor(
        graph("GET", "/users")
            .withQueryParam("$filter", equalTo(filter))
            .inScenario(address)
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(users())));
    MICROSOFT.stubFor(
        graph("POST", "/users")
            .withRequestBody(matchingJsonPath("$.userPrincipalName", equalTo(address)))
            .inScenario(address)
            .willReturn(json(201, createdUser(userId, address, name)))
            .willSetStateTo("created"));
    MICROSOFT.stubFor(
        graph("GET", "/users")
            .withQueryParam("$filter", equalTo(filter))
            .inScenario(address)
            .whenScenarioStateIs("created")
            .willReturn(okJson(users(userWithId(userId, address, "DK")))));
    MICROSOFT.stubFor(
        graph("GET", "/users/" + userId + "/mailboxSettings")
            .inScenario(address)
            .whenScenarioStateIs("created")
            .willReturn(
                graphError(
                    404,
                    "MailboxNotEnabledForRESTAPI",
                    "The mailbox is either inactive, soft-deleted, or is hosted on-premise.")));
    MICROSOFT.stubFor(
        graph("POST", "/users/" + userId + "/assignLicense")
            .withRequestBody(equalToJson(assignBody(EXCHANGE)))
            .inScenario(address)
            .whenScenarioStateIs("created")
            .willReturn(okJson(userWithId(userId, address, "DK", EXCHANGE)))
            .willSetStateTo("licensed"));
    MICROSOFT.stubFor(
        graph("GET", "/users")
            .withQueryParam("$filter", equalTo(filter))
            .inScenario(address)
            .whenScenarioStateIs("licensed")
            .willReturn(okJson(users(userWithId(userId, address, "DK", EXCHANGE)))));
    MICROSOFT.stubFor(
        graph("GET", "/users/" + userId + "/mailboxSettings")
            .inScenario(address)
            .whenScenarioStateIs("licensed")
            .willReturn(okJson(mailboxSettings())));
  }

  private static String assignBody(String skuId) {
    return "{\"addLicenses\": [{\"skuId\": \""
        + skuId
        + "\", \"disabledPlans\": []}], \"removeLicenses\": []}";
  }

  private JsonNode offered(Task task) throws Exception {
    TypedValue options =
        engine.getTaskService().getVariableLocalTyped(task.getId(), "licenceOptions");
    assertThat(options.getType().getName()).isEqualTo("json");
    assertThat(engine.getTaskService().getVariableLocal(task.getId(), "licenceChoiceOffered"))
        .isEqualTo(true);
    return json.readTree(options.getValue().toString());
  }

  private Map<String, JsonNode> licencesByUser(String id) throws Exception {
    Map<String, JsonNode> byUser = new LinkedHashMap<>();
    details(id)
        .path("licences")
        .forEach(user -> byUser.put(user.path("emailAddress").asText(), user));
    return byUser;
  }

  private long passed(String activityId) {
    return engine
        .getHistoryService()
        .createHistoricActivityInstanceQuery()
        .processInstanceId(instance)
        .activityId(activityId)
        .count();
  }

  private static MappingBuilder graph(String method, String path) {
    MappingBuilder request =
        switch (method) {
          case "GET" -> get(urlPathEqualTo("/v1.0" + path));
          case "POST" -> post(urlPathEqualTo("/v1.0" + path));
          case "PATCH" -> patch(urlPathEqualTo("/v1.0" + path));
          default -> throw new IllegalArgumentException(method);
        };
    return request.withHeader("Authorization", equalTo("Bearer graph-token"));
  }

  private String register(String domain, String first, String second) throws Exception {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("host", "mail." + domain);
    source.put("security", "IMPLICIT_TLS");
    source.put("auth", "DELEGATED_ADMIN");
    source.put("adminUser", "migration-admin@" + domain);
    source.put("password", "S0urce-Admin-Pa55!");
    source.put("testMailbox", first);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "MICROSOFT_365");
    target.put("tenantId", org.cutover.tenant.GraphStubs.TENANT);
    target.put("clientId", org.cutover.tenant.GraphStubs.CLIENT_ID);
    target.put("clientSecret", org.cutover.tenant.GraphStubs.CLIENT_SECRET);
    target.put("licenceSku", "EXCHANGESTANDARD");
    target.put("usageLocation", "DK");
    Map<String, Object> dns = new LinkedHashMap<>();
    dns.put("mode", "AUTOMATIC");
    dns.put("zone", domain);
    dns.put("provider", "rfc2136");
    dns.put("server", "127.0.0.1:" + DNS.port());
    dns.put("credentials", "cutover-m365:hmac-sha256:" + TSIG_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", domain);
    body.put("batchName", "wave-1");
    body.put(
        "mailboxes",
        List.of(
            Map.of("emailAddress", first, "displayName", displayName(first)),
            Map.of("emailAddress", second, "displayName", displayName(second))));
    body.put("source", source);
    body.put("target", target);
    body.put("dns", dns);
    body.put("autoStartBatch", true);
    String created =
        mvc.perform(
                MockMvcRequestBuilders.post("/api/migrations")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(created).path("id").asText();
    instance = store.find(id).orElseThrow().processInstanceId();
    runJobs();
    return id;
  }

  private static String displayName(String address) {
    String local = address.substring(0, address.indexOf('@'));
    return Character.toUpperCase(local.charAt(0)) + local.substring(1);
  }

  private JsonNode details(String id) throws Exception {
    return json.readTree(
        mvc.perform(MockMvcRequestBuilders.get("/api/migrations/" + id).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private void runJobs() {
    AsyncContinuations.runAll(engine.getManagementService());
  }

  private Task task(String taskKey) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(taskKey)
            .singleResult();
    assertThat(task).as("user task %s; incidents %s", taskKey, incidents()).isNotNull();
    return task;
  }

  private void complete(String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(taskKey).getId(), variables);
    runJobs();
  }

  private String currentTask() {
    return engine
        .getTaskService()
        .createTaskQuery()
        .processInstanceId(instance)
        .singleResult()
        .getTaskDefinitionKey();
  }

  private int workSyncTasks() {
    int worked = new EngineExternalTasks(engine).work(worker);
    runJobs();
    return worked;
  }

  private Object variable(String name) {
    return engine.getRuntimeService().getVariable(instance, name);
  }

  private List<String> incidents() {
    return engine
        .getRuntimeService()
        .createIncidentQuery()
        .processInstanceId(instance)
        .list()
        .stream()
        .map(incident -> incident.getActivityId() + ": " + incident.getIncidentMessage())
        .toList();
  }
}
