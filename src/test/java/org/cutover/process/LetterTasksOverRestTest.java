package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.PreflightRound;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The announcement task over the engine's REST API, the calls Tasklist makes: the form's variables
 * hold the letter the real letter desk renders, a rejected edit or planned switch answers the
 * submission with 400 and a message naming the rule in English and Danish (no engine wrapping), and
 * an accepted one is what the letters API then shows.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "cutover.letters.contact-email=helpdesk@contoso.com")
@ActiveProfiles("test")
class LetterTasksOverRestTest {

  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean DnsRunbook dns;
  @MockitoBean UserLetters letters;

  @Autowired TestRestTemplate http;
  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;

  private TestRestTemplate admin() {
    return http.withBasicAuth("admin", "admin-test-password");
  }

  private String engineRest(String resource) {
    return "/engine-rest/engine/" + engine.getName() + resource;
  }

  private static Map<String, Object> submission(String subject, String text, String day) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("letterSubject", Map.of("value", subject));
    variables.put("letterText", Map.of("value", text));
    variables.put("plannedSwitch", Map.of("value", day));
    variables.put("announcementApproved", Map.of("value", true));
    return Map.of("variables", variables);
  }

  @BeforeEach
  void everyMailboxPassesPreflight() {
    org.mockito.Mockito.when(
            syncEngine.checkMailboxes(
                org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.anyBoolean()))
        .thenReturn(new PreflightRound(0, java.util.List.of()));
  }

  @Test
  void theAdministratorReadsEditsAndApprovesTheAnnouncementInTasklist() throws Exception {
    ResponseEntity<String> created =
        admin()
            .postForEntity(
                "/api/migrations",
                SecretsStayOutOfTheEngineTest.migration("contoso.com"),
                String.class);
    assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    String migrationId = json.readTree(created.getBody()).get("id").asText();
    // The preflight runs before the announcement task exists.
    AsyncContinuations.runAll(engine.getManagementService());
    JsonNode tasks =
        json.readTree(
            admin()
                .getForObject(
                    engineRest(
                        "/task?taskDefinitionKey=communicateChanges&processInstanceBusinessKey="
                            + migrationId),
                    String.class));
    assertThat(tasks).hasSize(1);
    String taskId = tasks.get(0).get("id").asText();

    JsonNode shown =
        json.readTree(
            admin().getForObject(engineRest("/task/" + taskId + "/form-variables"), String.class));
    assertThat(shown.at("/letterSubject/value").asText())
        .isEqualTo("Your e-mail at contoso.com is moving");
    assertThat(shown.at("/letterText/value").asText())
        .startsWith("Dear {{displayName}},\n")
        .contains("a short letter with the exact time will follow")
        .contains("helpdesk@contoso.com");
    assertThat(shown.at("/letterPlaceholders/value").asText())
        .contains("{{displayName}}", "{{plannedSwitch}}");

    ResponseEntity<String> refused =
        admin()
            .postForEntity(
                engineRest("/task/" + taskId + "/submit-form"),
                submission("Your e-mail moves", "Dear {{firstName}},\n\nIt moves.\n", "2099-01-01"),
                String.class);
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(refused.getBody()).get("message").asText())
        .contains(
            "The announcement letter cannot be stored: the text uses placeholder {{firstName}},"
                + " which letters do not have; the placeholders are {{displayName}}",
            "Correct it in the form and complete the task again.",
            "Meddelelsen kan ikke gemmes. Teksten bruger pladsholderen {{firstName}}, som breve"
                + " ikke har; pladsholderne er {{displayName}}",
            "Ret det i formularen, og afslut opgaven igen.")
        .doesNotContain("ENGINE-", "TaskListener");
    assertThat(admin().getForEntity(engineRest("/task/" + taskId), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    assertThat(
            admin()
                .getForObject("/api/migrations/" + migrationId + "/planned-switch", String.class))
        .doesNotContain("2099-01-01");

    ResponseEntity<String> pastDay =
        admin()
            .postForEntity(
                engineRest("/task/" + taskId + "/submit-form"),
                submission(
                    "Your e-mail moves on {{plannedSwitch}}",
                    "Dear {{displayName}},\n\nIt moves.\n",
                    "2001-01-01"),
                String.class);
    assertThat(pastDay.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(json.readTree(pastDay.getBody()).get("message").asText())
        .contains(
            "The planned switch cannot be stored: it must be today or a later day",
            "Skiftedagen skal være i dag eller senere")
        .doesNotContain("ENGINE-", "TaskListener");
    assertThat(admin().getForEntity(engineRest("/task/" + taskId), String.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);

    ResponseEntity<String> approved =
        admin()
            .postForEntity(
                engineRest("/task/" + taskId + "/submit-form"),
                submission(
                    "Your e-mail moves on {{plannedSwitch}}",
                    "Dear {{displayName}},\r\n\r\nYour mail moves on {{plannedSwitch}}.",
                    "2099-01-01"),
                String.class);
    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    JsonNode letter =
        json.readTree(
            admin()
                .getForObject(
                    "/api/migrations/" + migrationId + "/letters/announcement", String.class));
    assertThat(letter.get("edited").asBoolean()).isTrue();
    assertThat(letter.get("subject").asText()).isEqualTo("Your e-mail moves on {{plannedSwitch}}");
    assertThat(letter.get("body").asText())
        .isEqualTo("Dear {{displayName}},\n\nYour mail moves on {{plannedSwitch}}.\n");
    assertThat(
            admin()
                .getForObject("/api/migrations/" + migrationId + "/planned-switch", String.class))
        .contains("2099-01-01");
  }
}
