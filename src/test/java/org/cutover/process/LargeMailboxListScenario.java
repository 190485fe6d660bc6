package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cutover.migration.MigrationStore;
import org.cutover.secrets.SecretStore;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Tasklist start form with a mailbox list far beyond the engine's 4000-character text column,
 * sent over the engine's REST API as Tasklist sends it: 5000 mailboxes are taken and refused by the
 * rules with the task "Correct the migration settings" (a batch holds at most 2000), the correction
 * with 2000 is registered, and the list never sits in a text column of the engine's tables.
 */
final class LargeMailboxListScenario {

  private static final String ADMIN = "admin:admin-test-password";

  private final ProcessEngine engine;
  private final MigrationStore store;
  private final JdbcTemplate jdbc;
  private final String base;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newHttpClient();
  private final String credentialId;

  LargeMailboxListScenario(ApplicationContext context, int port) {
    this.engine = context.getBean(ProcessEngine.class);
    this.store = context.getBean(MigrationStore.class);
    this.jdbc = context.getBean(JdbcTemplate.class);
    this.base = "http://127.0.0.1:" + port + "/engine-rest/engine/" + engine.getName();
    this.credentialId =
        context.getBean(SecretStore.class).put("large list admin", "Adm1n-pass").id();
  }

  void run() throws Exception {
    String csv5000 = csv(5000);
    assertThat(csv5000.length()).isGreaterThan(100_000);
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-migration")
            .latestVersion()
            .singleResult()
            .getId();

    JsonNode started =
        post("/process-definition/" + definitionId + "/submit-form", form(csv5000), 200);
    String instanceId = started.get("id").asText();
    runJobs(instanceId);

    Task correct =
        engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(correct.getTaskDefinitionKey()).isEqualTo("correctSettings");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "settingsProblems"))
        .asString()
        .contains("mailboxesCsv", "2000");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "mailboxesCsv"))
        .isEqualTo(csv5000);
    assertNeverInATextColumn();

    String csv2000 = csv(2000);
    post("/task/" + correct.getId() + "/submit-form", variables("mailboxesCsv", csv2000), 204);
    runJobs(instanceId);

    String migrationId = (String) engine.getRuntimeService().getVariable(instanceId, "migrationId");
    assertThat(migrationId).as("the corrected settings are registered").isNotNull();
    assertThat(store.mailboxes(migrationId)).hasSize(2000);
    assertThat(store.mailboxes(migrationId).get(1999).emailAddress())
        .isEqualTo("user1999@large.example");
    assertThat(engine.getRuntimeService().getVariable(instanceId, "mailboxesCsv")).isNull();
    assertNeverInATextColumn();
  }

  /**
   * No value the list ever had, at runtime or in history, is in a text column: the variable is in
   * the byte-array table, and the history of form fields records it by its length.
   */
  private void assertNeverInATextColumn() {
    Map<String, String> tables =
        Map.of(
            "act_ru_variable", "select type_ serializer, text_, bytearray_id_ from act_ru_variable",
            "act_hi_varinst",
                "select var_type_ serializer, text_, bytearray_id_ from act_hi_varinst",
            "act_hi_detail",
                "select var_type_ serializer, text_, bytearray_id_ from act_hi_detail where type_"
                    + " = 'VariableUpdate'");
    tables.forEach(
        (table, select) -> {
          List<Map<String, Object>> rows =
              jdbc.queryForList(
                  select
                      + (select.contains("where") ? " and" : " where")
                      + " name_ = 'mailboxesCsv'");
          if (!table.equals("act_ru_variable")) {
            assertThat(rows).as(table).isNotEmpty();
          }
          for (Map<String, Object> row : rows) {
            assertThat(row.get("text_")).as(table + ".text_").isNull();
            assertThat(row.get("serializer")).as(table).isEqualTo("cutoverLongString");
            if (table.equals("act_ru_variable")) {
              assertThat(row.get("bytearray_id_")).as(table + ".bytearray_id_").isNotNull();
            }
          }
        });
    assertThat(
            jdbc.queryForList(
                "select text_ from act_hi_detail where type_ = 'FormProperty' and name_ ="
                    + " 'mailboxesCsv'",
                String.class))
        .isNotEmpty()
        .allMatch(text -> text.matches("\\(\\d+ characters, kept in the variable mailboxesCsv\\)"));
  }

  private void runJobs(String instanceId) {
    for (int round = 0; round < 10; round++) {
      List<Job> jobs =
          engine.getManagementService().createJobQuery().processInstanceId(instanceId).list();
      Job registration =
          jobs.stream()
              .filter(job -> job.getRetries() > 0)
              .filter(job -> "registerMigration".equals(activityOf(job)))
              .findFirst()
              .orElse(null);
      if (registration == null) {
        return;
      }
      engine.getManagementService().executeJob(registration.getId());
    }
  }

  private String activityOf(Job job) {
    return engine
        .getManagementService()
        .createJobDefinitionQuery()
        .jobDefinitionId(job.getJobDefinitionId())
        .singleResult()
        .getActivityId();
  }

  private Map<String, Object> form(String csv) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("domain", "large.example");
    values.put("batchName", "large-1");
    values.put("mailboxesCsv", csv);
    values.put("sourceHost", "mail.large.example");
    values.put("sourcePort", 993);
    values.put("sourceSecurity", "IMPLICIT_TLS");
    values.put("sourceAuth", "DELEGATED_ADMIN");
    values.put("sourceAdminUser", "migadmin");
    values.put("sourceCredentialId", credentialId);
    values.put("maxConcurrentMailboxes", 10);
    values.put("targetType", "MICROSOFT_365");
    values.put("tenantId", "large.onmicrosoft.com");
    values.put("clientId", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0");
    values.put("targetCredentialId", credentialId);
    values.put("licenceSku", "EXCHANGESTANDARD");
    values.put("usageLocation", "DK");
    values.put("dnsMode", "GUIDED");
    values.put("language", "en");
    values.put("autoStartBatch", false);
    Map<String, Object> variables = new LinkedHashMap<>();
    values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
    return Map.of("variables", variables);
  }

  private static Map<String, Object> variables(String name, Object value) {
    return Map.of("variables", Map.of(name, Map.of("value", value)));
  }

  private static String csv(int mailboxes) {
    StringBuilder csv = new StringBuilder("EmailAddress,SourceLogin,DisplayName\n");
    for (int i = 0; i < mailboxes; i++) {
      csv.append("user").append(i).append("@large.example,,User ").append(i).append('\n');
    }
    return csv.toString();
  }

  private JsonNode post(String resource, Object body, int expectedStatus) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + resource))
                .header("Content-Type", "application/json")
                .header(
                    "Authorization",
                    "Basic "
                        + Base64.getEncoder()
                            .encodeToString(ADMIN.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return response.body().isEmpty() ? null : json.readTree(response.body());
  }
}
