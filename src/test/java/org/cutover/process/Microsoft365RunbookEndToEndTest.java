package org.cutover.process;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.cutover.tenant.GraphStubs.GRAPH_SCOPE;
import static org.cutover.tenant.GraphStubs.IMAP_SCOPE;
import static org.cutover.tenant.GraphStubs.SKU_ID;
import static org.cutover.tenant.GraphStubs.createdUser;
import static org.cutover.tenant.GraphStubs.domain;
import static org.cutover.tenant.GraphStubs.graphError;
import static org.cutover.tenant.GraphStubs.json;
import static org.cutover.tenant.GraphStubs.organization;
import static org.cutover.tenant.GraphStubs.serviceRecords;
import static org.cutover.tenant.GraphStubs.subscribedSkus;
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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.SyncMode;
import org.cutover.migration.UserLetters;
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
 * bodies as Microsoft documents them), the in-process DNS server holding the domain's zone. Only
 * the mail sync engine and the letters are test doubles. The domain is added and verified, the
 * users created without a licence, the task "Assign licences" lists the tenant's licences with
 * their free seats, and completing it assigns the chosen one to every user; the report per user is
 * in the API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
class Microsoft365RunbookEndToEndTest {

  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");
  static final String DOMAIN = "contoso.com";
  static final String TSIG_SECRET = "m2ZkQm1hYy1zaGEyNTYtZW5kLXRvLWVuZC1rZXktMDI=";
  static final TsigKey KEY = new TsigKey("cutover-m365", "hmac-sha256", () -> TSIG_SECRET);
  static final String ANNA = "anna@contoso.com";
  static final String BO = "bo@contoso.com";
  static final String ANNA_ID = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
  static final String BO_ID = "5bde3e51-d13b-4db1-9948-fe4b109d11a7";
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
  static final class Ports implements MailboxSyncEngine, UserLetters {

    final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void testSourceEndpoint(String migrationId) {
      calls.add("testSourceEndpoint");
    }

    @Override
    public MailboxSyncReport sync(String mailboxId, SyncMode mode, Runnable heartbeat) {
      calls.add("sync " + mode);
      return new MailboxSyncReport(5, 1, 0, 5000, null);
    }

    @Override
    public void sendAnnouncement(String migrationId) {
      calls.add("announcement");
    }

    @Override
    public void sendLicenceReminder(String migrationId) {
      calls.add("licenceReminder");
    }

    @Override
    public void sendWelcomeLetter(String migrationId) {
      calls.add("welcomeLetter");
    }
  }

  @Autowired ProcessEngine engine;
  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired MigrationStore store;
  @Autowired MailboxSyncWorker worker;

  private String instance;

  @Test
  void addsTheDomainCreatesTheUsersAndAssignsTheChosenLicenceToEveryUser() throws Exception {
    stubTheTenant();
    String id = register();

    complete("communicateChanges", Map.of("announcementApproved", true));
    complete("approveDnsChanges", Map.of("dnsChangesApproved", true));
    assertThat(workSyncTasks()).isEqualTo(2);

    // the domain was added and verified, and Email enabled on it
    MICROSOFT.verify(1, postRequestedFor(urlPathEqualTo("/v1.0/domains")));
    MICROSOFT.verify(postRequestedFor(urlPathEqualTo("/v1.0/domains/contoso.com/verify")));
    // the users were created, with a usage location and without a licence
    MICROSOFT.verify(
        2,
        postRequestedFor(urlPathEqualTo("/v1.0/users"))
            .withRequestBody(matchingJsonPath("$.usageLocation", equalTo("DK")))
            .withRequestBody(notContaining("assignedLicenses")));
    MICROSOFT.verify(
        0, postRequestedFor(urlPathEqualTo("/v1.0/users/" + ANNA_ID + "/assignLicense")));

    // the licence task lists the tenant's licences with their free seats
    Task licences = task("assignLicences");
    TypedValue options =
        engine.getTaskService().getVariableLocalTyped(licences.getId(), "licenceOptions");
    assertThat(options.getType().getName()).isEqualTo("json");
    JsonNode offered = json.readTree(options.getValue().toString());
    assertThat(offered.get(0).path("label").asText())
        .isEqualTo("Office 365 E5 (ENTERPRISEPREMIUM): 11 of 25 free");
    assertThat(offered.get(0).path("value").asText()).isEqualTo(SKU_ID);
    assertThat(offered.get(offered.size() - 1).path("value").asText()).isEqualTo("NONE");
    assertThat(engine.getTaskService().getVariableLocal(licences.getId(), "licenceChoiceOffered"))
        .isEqualTo(true);

    complete("assignLicences", Map.of("chosenLicence", SKU_ID));

    String body =
        "{\"addLicenses\": [{\"skuId\": \""
            + SKU_ID
            + "\", \"disabledPlans\": []}], \"removeLicenses\": []}";
    MICROSOFT.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1.0/users/" + ANNA_ID + "/assignLicense"))
            .withRequestBody(equalToJson(body)));
    MICROSOFT.verify(
        1,
        postRequestedFor(urlPathEqualTo("/v1.0/users/" + BO_ID + "/assignLicense"))
            .withRequestBody(equalToJson(body)));
    JsonNode view = details(id);
    Map<String, JsonNode> byUser = new LinkedHashMap<>();
    view.path("licences").forEach(user -> byUser.put(user.path("emailAddress").asText(), user));
    assertThat(byUser.keySet()).containsExactly(ANNA, BO);
    assertThat(byUser.get(ANNA).path("outcome").asText()).isEqualTo("ASSIGNED");
    assertThat(byUser.get(ANNA).path("skuPartNumber").asText()).isEqualTo("ENTERPRISEPREMIUM");
    assertThat(byUser.get(BO).path("outcome").asText()).isEqualTo("FAILED");
    assertThat(byUser.get(BO).path("reason").asText())
        .contains("No free licence ENTERPRISEPREMIUM is left for bo@contoso.com")
        .contains("buy more licences or free some");

    // the follow-up for the failed one; fixed by hand, the runbook goes on to the cut-over
    assertThat(currentTask()).isEqualTo("fixLicences");
    assertThat((String) variable("licenceReport"))
        .startsWith("Licence ENTERPRISEPREMIUM: assigned to 1, already held by 0, failed for 1");
    complete("fixLicences", Map.of("chosenLicence", "NONE"));
    assertThat(
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance)
                .activityId("cutOverStarted")
                .count())
        .isEqualTo(1);
    assertThat(details(id).path("licences").get(1).path("outcome").asText()).isEqualTo("FAILED");
  }

  /** Entra ID and Graph as the runbook meets them, in Microsoft's documented shapes. */
  private void stubTheTenant() {
    MICROSOFT.stubFor(tokenRequest(GRAPH_SCOPE).willReturn(token("graph-token")));
    MICROSOFT.stubFor(tokenRequest(IMAP_SCOPE).willReturn(token("outlook-token")));
    MICROSOFT.stubFor(graph("GET", "/organization").willReturn(okJson(organization(null))));
    MICROSOFT.stubFor(graph("GET", "/subscribedSkus").willReturn(okJson(subscribedSkus(25, 14))));
    MICROSOFT.stubFor(
        graph("GET", "/users/" + ANNA + "/mailboxSettings")
            .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
    // the domain: absent, added, verified on the first try, Email enabled
    MICROSOFT.stubFor(
        graph("GET", "/domains/contoso.com")
            .inScenario("domain")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(graphError(404, "Request_ResourceNotFound", "Resource not found.")));
    MICROSOFT.stubFor(
        graph("POST", "/domains")
            .withRequestBody(equalToJson("{\"id\": \"contoso.com\"}"))
            .inScenario("domain")
            .willReturn(json(201, domain(DOMAIN, false)))
            .willSetStateTo("added"));
    MICROSOFT.stubFor(
        graph("GET", "/domains/contoso.com")
            .inScenario("domain")
            .whenScenarioStateIs("added")
            .willReturn(okJson(domain(DOMAIN, false))));
    MICROSOFT.stubFor(
        graph("POST", "/domains/contoso.com/verify")
            .inScenario("domain")
            .willReturn(okJson(verifiedDomain(DOMAIN)))
            .willSetStateTo("verified"));
    MICROSOFT.stubFor(
        graph("GET", "/domains/contoso.com")
            .inScenario("domain")
            .whenScenarioStateIs("verified")
            .willReturn(okJson(domain(DOMAIN, true, "Email"))));
    MICROSOFT.stubFor(
        graph("PATCH", "/domains/contoso.com")
            .withRequestBody(matchingJsonPath("$.supportedServices[?(@ == 'Email')]"))
            .willReturn(aResponse().withStatus(204)));
    MICROSOFT.stubFor(
        graph("GET", "/domains/contoso.com/verificationDnsRecords")
            .willReturn(okJson(verificationRecords(DOMAIN))));
    MICROSOFT.stubFor(
        graph("GET", "/domains/contoso.com/serviceConfigurationRecords")
            .willReturn(okJson(serviceRecords(DOMAIN, "contoso-com.mail.protection.outlook.com"))));
    // the users: absent, then created without a licence; Anna gets it, Bo finds no free seat
    stubUser(ANNA, ANNA_ID, "Anna");
    stubUser(BO, BO_ID, "Bo");
    MICROSOFT.stubFor(
        graph("POST", "/users/" + ANNA_ID + "/assignLicense")
            .willReturn(okJson(userWithId(ANNA_ID, ANNA, "DK", SKU_ID))));
    MICROSOFT.stubFor(
        graph("POST", "/users/" + BO_ID + "/assignLicense")
            .willReturn(
                graphError(
                    400,
                    "Request_BadRequest",
                    "Subscription with SKU " + SKU_ID + " does not have any available licenses.")));
  }

  private void stubUser(String address, String userId, String name) {
    String filter = "userPrincipalName eq '" + address + "'";
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

  private String register() throws Exception {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("host", "mail." + DOMAIN);
    source.put("security", "IMPLICIT_TLS");
    source.put("auth", "DELEGATED_ADMIN");
    source.put("adminUser", "migration-admin@" + DOMAIN);
    source.put("password", "S0urce-Admin-Pa55!");
    source.put("testMailbox", ANNA);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "MICROSOFT_365");
    target.put("tenantId", org.cutover.tenant.GraphStubs.TENANT);
    target.put("clientId", org.cutover.tenant.GraphStubs.CLIENT_ID);
    target.put("clientSecret", org.cutover.tenant.GraphStubs.CLIENT_SECRET);
    target.put("usageLocation", "DK");
    Map<String, Object> dns = new LinkedHashMap<>();
    dns.put("mode", "AUTOMATIC");
    dns.put("zone", DOMAIN);
    dns.put("provider", "rfc2136");
    dns.put("server", "127.0.0.1:" + DNS.port());
    dns.put("credentials", "cutover-m365:hmac-sha256:" + TSIG_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", DOMAIN);
    body.put("batchName", "wave-1");
    body.put(
        "mailboxes",
        List.of(
            Map.of("emailAddress", ANNA, "displayName", "Anna"),
            Map.of("emailAddress", BO, "displayName", "Bo")));
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

  private JsonNode details(String id) throws Exception {
    return json.readTree(
        mvc.perform(MockMvcRequestBuilders.get("/api/migrations/" + id).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private void runJobs() {
    for (int i = 0; i < 500; i++) {
      List<Job> jobs =
          engine.getManagementService().createJobQuery().messages().executable().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      engine.getManagementService().executeJob(jobs.get(0).getId());
    }
    fail("async continuations keep coming");
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
    int worked =
        new EngineExternalTasks(engine).work(MailboxSyncWorker.TOPIC, SYNC_VARIABLES, worker);
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
