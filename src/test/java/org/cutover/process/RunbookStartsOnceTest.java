package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * A migration's runbook starts once, through the real engine: a second start naming a migration
 * that has its runbook (running or ended), over the engine's REST API with the administrator's
 * credentials or through the Java API, is refused with a message saying why, and the migration and
 * its runbook stay as they were.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RunbookStartsOnceTest {

  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean DnsRunbook dns;
  @MockitoBean UserLetters letters;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;
  @Autowired MigrationStore store;

  private TestRestTemplate admin() {
    return http.withBasicAuth("admin", "admin-test-password");
  }

  private String engineRest(String resource) {
    return "/engine-rest/engine/" + engine.getName() + resource;
  }

  @Test
  void aSecondStartOfALiveMigrationOverTheEngineRestApiIsRefused() throws Exception {
    String migrationId = registered("contoso.com");
    String runbook = store.find(migrationId).orElseThrow().processInstanceId();
    assertThat(runbook).isNotNull();

    ResponseEntity<String> plain = start(Map.of("variables", migrationIdVariable(migrationId)));
    ResponseEntity<String> skippingListeners =
        start(
            Map.of(
                "variables",
                migrationIdVariable(migrationId),
                "businessKey",
                migrationId,
                "skipCustomListeners",
                true,
                "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "cancellableRun"))));

    for (ResponseEntity<String> refused : List.of(plain, skippingListeners)) {
      assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
      assertThat(json.readTree(refused.getBody()).get("message").asText())
          .contains(
              "Migration " + migrationId + " has its runbook already (process instance " + runbook,
              "register a new migration");
    }
    assertThat(runbooksOf(migrationId)).isEqualTo(1);
    assertThat(store.find(migrationId).orElseThrow().processInstanceId()).isEqualTo(runbook);
    assertThat(running(migrationId)).isEqualTo(1);
  }

  @Test
  void anEndedRunbookIsNotStartedAgainNorRestarted() throws Exception {
    String migrationId = registered("fabrikam.com");
    String runbook = store.find(migrationId).orElseThrow().processInstanceId();
    engine.getRuntimeService().deleteProcessInstance(runbook, "cancelled in this test");

    ResponseEntity<String> again = start(Map.of("variables", migrationIdVariable(migrationId)));
    String definitionId =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-migration")
            .latestVersion()
            .singleResult()
            .getId();
    ResponseEntity<String> restarted =
        admin()
            .postForEntity(
                engineRest("/process-definition/" + definitionId + "/restart"),
                Map.of(
                    "processInstanceIds",
                    List.of(runbook),
                    "instructions",
                    List.of(Map.of("type", "startBeforeActivity", "activityId", "cancellableRun"))),
                String.class);

    assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(restarted.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(restarted.getBody()).contains("has its runbook already");
    assertThat(running(migrationId)).isZero();
    assertThat(store.find(migrationId).orElseThrow().processInstanceId()).isEqualTo(runbook);
  }

  @Test
  void theJavaApiRefusesASecondStartToo() throws Exception {
    String migrationId = registered("northwind.com");

    assertThatThrownBy(
            () ->
                engine
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                        "cutover-migration", migrationId, Map.of("migrationId", migrationId)))
        .isInstanceOf(RunbookStartGuard.Refused.class)
        .hasMessageContaining("has its runbook already");
    assertThat(runbooksOf(migrationId)).isEqualTo(1);
  }

  @Test
  void anUnknownMigrationIdIsRefusedSayingHowToStartOne() throws Exception {
    ResponseEntity<String> refused =
        start(Map.of("variables", migrationIdVariable("3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90")));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .contains(
            "There is no migration 3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90", "POST /api/migrations");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .variableValueEquals("migrationId", "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90")
                .count())
        .isZero();
  }

  private String registered(String domain) throws Exception {
    ResponseEntity<String> created =
        admin()
            .postForEntity(
                "/api/migrations", SecretsStayOutOfTheEngineTest.migration(domain), String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    return json.readTree(created.getBody()).get("id").asText();
  }

  private ResponseEntity<String> start(Map<String, Object> body) {
    return admin()
        .postForEntity(
            engineRest("/process-definition/key/cutover-migration/start"), body, String.class);
  }

  private static Map<String, Object> migrationIdVariable(String migrationId) {
    return Map.of("migrationId", Map.of("value", migrationId, "type", "String"));
  }

  private long running(String migrationId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .variableValueEquals("migrationId", migrationId)
        .count();
  }

  private long runbooksOf(String migrationId) {
    return engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(migrationId)
        .count();
  }
}
