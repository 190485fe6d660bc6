package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cutover.dns.MxPropagationCheck;
import org.cutover.dns.StepResult;
import org.cutover.dns.TxtCheck;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TargetDnsRecords;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Runs whole migrations through the real runbook in the whole application, started over the REST
 * API and from the Tasklist start form, and then looks for the credentials everywhere a person or a
 * log reader could see them: process variables (runtime and history), incidents, job and
 * external-task errors, REST responses, the log, and the database in clear.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(
    print = MockMvcPrint.NONE) // the test prints no request: only the application logs
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
// passes are recorded at the engine's time, which the driver moves past the runbook's waits
@org.springframework.context.annotation.Import(EngineClockConfiguration.class)
class SecretsStayOutOfTheEngineTest {

  static final String SOURCE_PASSWORD = "S0urce-Admin-Pa55!";
  static final String CLIENT_SECRET = "cl1ent~Secret.Value";
  static final String DNS_KEY_SECRET = "c2VjcmV0LWRucy1rZXk=";
  static final String STORED_PASSWORD = "St0red-Cred3ntial#";
  static final String REPLACED_PASSWORD = "N3w-S0urce-Pa55word";
  static final List<String> SECRETS =
      List.of(SOURCE_PASSWORD, CLIENT_SECRET, DNS_KEY_SECRET, STORED_PASSWORD, REPLACED_PASSWORD);
  static final java.util.concurrent.atomic.AtomicBoolean REFUSE_SOURCE_LOGIN_ONCE =
      new java.util.concurrent.atomic.AtomicBoolean();
  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired MailboxSyncRunner syncRunner;
  @Autowired RunbookDefaults defaults;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void noCredentialIsVisibleAfterAMigrationStartedOverTheApi(CapturedOutput log) throws Exception {
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(migration("contoso.com"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String migrationId = json.readTree(created).get("id").asText();

    String processInstanceId = runToTheEnd(migrationId);

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult()
                .getEndTime())
        .as("the runbook ran to its end")
        .isNotNull();
    String view =
        mvc.perform(get("/api/migrations/" + migrationId).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertNoSecretIn("GET /api/migrations/{id}", created + view);
    assertNoSecretInTheEngine(processInstanceId);
    assertNoSecretIn("the log", log.getAll());
    assertNoSecretInClearInTheDatabase();
  }

  @Test
  void noCredentialIsVisibleAfterAMigrationStartedFromTheTasklistStartForm(CapturedOutput log)
      throws Exception {
    String stored =
        mvc.perform(
                post("/api/credentials")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"fabrikam admin\",\"secret\":\"" + STORED_PASSWORD + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String credentialId = json.readTree(stored).get("id").asText();
    Map<String, Object> form = new HashMap<>();
    form.put("domain", "fabrikam.com");
    form.put("batchName", "fabrikam-1");
    form.put("mailboxesCsv", "EmailAddress\nanna@fabrikam.com\nbo@fabrikam.com");
    form.put("sourceHost", "mail.fabrikam.com");
    form.put("sourcePort", 993);
    form.put("sourceSecurity", "IMPLICIT_TLS");
    form.put("sourceAuth", "DELEGATED_ADMIN");
    form.put("sourceAdminUser", "migadmin");
    form.put("sourceCredentialId", credentialId);
    form.put("maxConcurrentMailboxes", 10);
    form.put("targetType", "MICROSOFT_365");
    form.put("tenantId", "fabrikam.onmicrosoft.com");
    form.put("clientId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    form.put("targetCredentialId", credentialId);
    form.put("licenceSku", "EXCHANGESTANDARD");
    form.put("usageLocation", "DK");
    form.put("dnsMode", "GUIDED");
    form.put("language", "da");
    form.put("autoStartBatch", true);
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-migration")
            .latestVersion()
            .singleResult()
            .getId();
    String processInstanceId = engine.getFormService().submitStartForm(definitionId, form).getId();

    runUntilEnded(processInstanceId);

    assertThat(
            engine
                .getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult()
                .getEndTime())
        .as("the runbook ran to its end")
        .isNotNull();
    assertNoSecretIn("POST /api/credentials", stored);
    assertNoSecretInTheEngine(processInstanceId);
    assertNoSecretIn("the log", log.getAll());
    assertNoSecretInClearInTheDatabase();
  }

  @Test
  void aRefusedLoginReplacedInItsTasklistTaskLeavesNoSecretInTheEngine(CapturedOutput log)
      throws Exception {
    REFUSE_SOURCE_LOGIN_ONCE.set(true);
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(migration("northwind.com"))))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String migrationId = json.readTree(created).get("id").asText();
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(migrationId)
            .singleResult()
            .getId();
    org.camunda.bpm.engine.runtime.Job preflight =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .activityId("runPreflight")
            .singleResult();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> engine.getManagementService().executeJob(preflight.getId()))
        .hasMessageStartingWith("Login refused by the source");
    org.camunda.bpm.engine.task.Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey("replaceRefusedLogin")
            .singleResult();
    assertThat(task).as("the task to replace the refused login").isNotNull();
    String stored =
        mvc.perform(
                post("/api/credentials")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"name\":\"northwind admin, new\",\"secret\":\""
                            + REPLACED_PASSWORD
                            + "\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String credentialId = json.readTree(stored).get("id").asText();

    engine
        .getFormService()
        .submitTaskForm(task.getId(), Map.of("replacementCredentialId", credentialId));

    assertThat(
            jdbc.sql(
                    "SELECT credential_id FROM endpoint WHERE migration_id = :id AND role = 'SOURCE'")
                .param("id", migrationId)
                .query(String.class)
                .single())
        .isEqualTo(credentialId);
    runUntilEnded(processInstanceId);
    String problems =
        mvc.perform(get("/api/migrations/" + migrationId).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertNoSecretIn("POST /api/credentials and GET /api/migrations/{id}", stored + problems);
    assertNoSecretInTheEngine(processInstanceId);
    assertNoSecretIn("the log", log.getAll());
    assertNoSecretInClearInTheDatabase();
  }

  private String runToTheEnd(String migrationId) {
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(migrationId)
            .singleResult()
            .getId();
    runUntilEnded(processInstanceId);
    return processInstanceId;
  }

  private void runUntilEnded(String processInstanceId) {
    new RunbookDriver(engine, syncRunner, defaults).runUntilEnded(processInstanceId);
  }

  private void assertNoSecretInTheEngine(String processInstanceId) {
    StringBuilder seen = new StringBuilder();
    for (HistoricVariableInstance variable :
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .disableCustomObjectDeserialization()
            .list()) {
      seen.append(variable.getName()).append('=').append(variable.getValue()).append('\n');
    }
    engine
        .getHistoryService()
        .createHistoricDetailQuery()
        .processInstanceId(processInstanceId)
        .disableCustomObjectDeserialization()
        .list()
        .forEach(detail -> seen.append(detail).append('\n'));
    engine
        .getHistoryService()
        .createHistoricIncidentQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(incident -> seen.append(incident.getIncidentMessage()).append('\n'));
    engine
        .getHistoryService()
        .createHistoricJobLogQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(entry -> seen.append(entry.getJobExceptionMessage()).append('\n'));
    engine
        .getHistoryService()
        .createHistoricExternalTaskLogQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(entry -> seen.append(entry.getErrorMessage()).append('\n'));
    engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(instance -> seen.append(instance.getBusinessKey()).append('\n'));
    assertThat(seen).as("the engine's history").isNotEmpty();
    assertNoSecretIn("Cockpit's variables, incidents and job logs", seen.toString());
  }

  private void assertNoSecretInClearInTheDatabase() {
    List<String> tables =
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list();
    StringBuilder everything = new StringBuilder();
    for (String table : tables) {
      if (table.startsWith("ACT_GE_BYTEARRAY")) {
        continue; // deployment resources and serialized variables are checked through the API
      }
      for (Map<String, Object> row :
          jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
        row.values().forEach(value -> everything.append(value).append('\n'));
      }
    }
    assertNoSecretIn("the database (in clear)", everything.toString());
  }

  private static void assertNoSecretIn(String where, String text) {
    for (String secret : SECRETS) {
      assertThat(text).as("%s must not hold a credential", where).doesNotContain(secret);
    }
  }

  static Map<String, Object> migration(String domain) {
    List<Map<String, Object>> mailboxes = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      mailboxes.add(Map.of("emailAddress", "user" + i + "@" + domain));
    }
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("host", "mail." + domain);
    source.put("security", "IMPLICIT_TLS");
    source.put("auth", "DELEGATED_ADMIN");
    source.put("adminUser", "migration-admin@" + domain);
    source.put("password", SOURCE_PASSWORD);
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "MICROSOFT_365");
    target.put("tenantId", "contoso.onmicrosoft.com");
    target.put("clientId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    target.put("clientSecret", CLIENT_SECRET);
    target.put("licenceSku", "EXCHANGESTANDARD");
    target.put("usageLocation", "DK");
    Map<String, Object> dns = new LinkedHashMap<>();
    dns.put("mode", "AUTOMATIC");
    dns.put("provider", "rfc2136");
    dns.put("zone", domain);
    dns.put("server", "ns1." + domain + ":53");
    dns.put("credentials", "hmac-sha256:cutover:" + DNS_KEY_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", domain);
    body.put("batchName", "wave-1");
    body.put("mailboxes", mailboxes);
    body.put("source", source);
    body.put("target", target);
    body.put("dns", dns);
    body.put("autoStartBatch", false);
    return body;
  }

  /** The capabilities, as doubles that succeed: the runbook itself is real. */
  @TestConfiguration
  static class SucceedingCapabilities {

    /** The target is a test double: every recipient is there already. */
    @Bean
    @Primary
    org.cutover.migration.provisioning.TargetProvisioning nothingMissingAtTheTarget() {
      return new ScriptedTargetProvisioning();
    }

    @Bean
    @Primary
    MailboxSyncEngine syncEngine() {
      return new MailboxSyncEngine() {
        @Override
        public void testSourceEndpoint(String migrationId) {
          if (REFUSE_SOURCE_LOGIN_ONCE.getAndSet(false)) {
            throw org.cutover.migration.logins.LoginRefused.by(
                org.cutover.migration.EndpointRole.SOURCE,
                "Administrator 'migration-admin@northwind.com' could not log in to the source"
                    + " server mail.northwind.com:993 acting as 'user0@northwind.com': NO"
                    + " [AUTHENTICATIONFAILED] Authentication failed.");
          }
        }

        @Override
        public org.cutover.migration.PreflightRound checkMailboxes(
            String migrationId, boolean fromStart) {
          return new org.cutover.migration.PreflightRound(0, java.util.List.of());
        }

        @Override
        public MailboxSyncReport sync(
            String mailboxId, SyncMode mode, org.cutover.migration.PassWatch watch) {
          watch.progress(
              new org.cutover.mailsync.SyncProgress(mailboxId, "INBOX", 1, 1, 3, 4096, 3, 4096));
          return new MailboxSyncReport(3, 0, 0, 4096, null);
        }
      };
    }

    @Bean
    @Primary
    TargetTenant target() {
      return new TargetTenant() {
        @Override
        public void preflight(String migrationId) {}

        @Override
        public void provisionMailbox(String mailboxId) {}

        @Override
        public TargetDnsRecords dnsRecords(String migrationId) {
          return new TargetDnsRecords(
              "MS=ms12345678",
              List.of(
                  new TargetDnsRecords.MailExchanger(0, "contoso-com.mail.protection.outlook.com")),
              "autodiscover.outlook.com");
        }
      };
    }

    @Bean
    @Primary
    UserLetters letters() {
      return new UserLetters() {
        @Override
        public void sendAnnouncement(String migrationId) {}

        @Override
        public void sendLicenceReminder(String migrationId) {}

        @Override
        public void sendWelcomeLetter(String migrationId) {}

        @Override
        public void sendSwitchUpdate(String migrationId, int move) {}

        @Override
        public void sendSwitchReminder(String migrationId, int move) {}

        @Override
        public void sendCancellationLetter(String migrationId) {}
      };
    }

    @Bean
    @Primary
    DnsRunbook dns() {
      return new DnsRunbook() {
        private final StepResult done = new StepResult.Done("as wanted");

        @Override
        public TxtCheck verifyDomainTxt(String migrationId) {
          return new TxtCheck(true, "found on every server");
        }

        @Override
        public String planChanges(String migrationId) {
          return "- MX records of contoso.com.: unchanged";
        }

        @Override
        public StepResult lowerMxTtl(String migrationId) {
          return done;
        }

        @Override
        public StepResult swapMx(String migrationId) {
          return done;
        }

        @Override
        public Optional<Instant> mxSwitchedAt(String migrationId) {
          return Optional.empty();
        }

        @Override
        public MxPropagationCheck verifyMxPropagation(String migrationId) {
          return new MxPropagationCheck(true, "everywhere");
        }

        @Override
        public StepResult createAutodiscover(String migrationId) {
          return done;
        }

        @Override
        public StepResult publishSpf(String migrationId) {
          return done;
        }

        @Override
        public StepResult restoreMxTtl(String migrationId) {
          return done;
        }

        @Override
        public StepResult rollback(String migrationId) {
          return done;
        }
      };
    }
  }
}
