package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.UserLetters;
import org.cutover.testsupport.FreePort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcPrint;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's sample migration cancelled after its announcement went out: every user who got the
 * announcement gets one letter that the move is off, also when the step runs again, and no letter
 * in the demo's outbox names the endpoint Cutover logs in to (127.0.0.1, port 3144).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({"demo", "test"})
class CancellationLetterProcessTest {

  static final int SOURCE = FreePort.pick();
  static final int TARGET = FreePort.pick();
  static final int SMTP = FreePort.pick();
  static final int DNS = FreePort.pick();
  static final List<String> USERS =
      List.of("anna@contoso.test", "bo@contoso.test", "carl@contoso.test");
  static final String CANCELLED = "The move of your e-mail at contoso.test is off";

  @DynamicPropertySource
  static void ports(DynamicPropertyRegistry registry) {
    registry.add("cutover.demo.source-imap-port", () -> SOURCE);
    registry.add("cutover.demo.target-imap-port", () -> TARGET);
    registry.add("cutover.demo.smtp-port", () -> SMTP);
    registry.add("cutover.dns.embedded-server.port", () -> DNS);
  }

  /** Every step reads the time from the engine clock, which the test moves. */
  @TestConfiguration
  static class EngineTime {
    @Bean
    Clock engineTime() {
      return Runbook.engineClock();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;
  @Autowired MailboxSyncRunner syncRunner;
  @Autowired RunbookDefaults defaults;
  @Autowired UserLetters letters;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aCancelAfterTheAnnouncementTellsEachUserOnceThatTheMoveIsOff() throws Exception {
    String id = register();
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();

    new RunbookDriver(engine, syncRunner, defaults)
        .beforeTimer("oldMxTtlRunOut", () -> cancel(id))
        .runUntilEnded(processInstanceId);

    List<String> passed =
        engine
            .getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .finished()
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .toList();
    assertThat(passed)
        .contains(
            "sendAnnouncement",
            "rollbackDns",
            "stopSyncing",
            "mailCancellationLetter",
            "migrationCancelled");
    assertThat(recipientsOf(CANCELLED)).containsExactlyInAnyOrderElementsOf(USERS);

    // the step again, as after a crash: nobody gets a second letter
    letters.sendCancellationLetter(id);
    assertThat(recipientsOf(CANCELLED)).containsExactlyInAnyOrderElementsOf(USERS);

    JsonNode outbox = outbox();
    assertThat(outbox.size()).isGreaterThanOrEqualTo(2 * USERS.size());
    for (JsonNode letter : outbox) {
      assertThat(letter.get("body").asText())
          .as("letter '%s'", letter.get("subject").asText())
          .isNotBlank()
          .doesNotContain("127.0.0.1", "3144", "{{");
    }
    for (JsonNode letter : outbox) {
      if (letter.get("subject").asText().startsWith("Your e-mail at contoso.test is moving")) {
        assertThat(letter.get("body").asText())
            .contains("incoming mail mail.target.contoso.test")
            .contains("Webmail: https://mail.target.contoso.test");
      }
    }
  }

  private String register() throws Exception {
    ObjectNode request;
    try (InputStream in = new ClassPathResource("demo/migration.json").getInputStream()) {
      request = (ObjectNode) json.readTree(in);
    }
    ((ObjectNode) request.get("source")).put("port", SOURCE);
    ((ObjectNode) request.get("target").get("endpoint")).put("port", TARGET);
    ((ObjectNode) request.get("dns")).put("server", "127.0.0.1:" + DNS);
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(httpBasic("admin", "admin-test-password"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(request)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(created).get("id").asText();
  }

  private void cancel(String id) {
    try {
      mvc.perform(
              post("/api/migrations/" + id + "/cancel")
                  .with(httpBasic("admin", "admin-test-password"))
                  .with(SecurityMockMvcRequestPostProcessors.csrf())
                  .header("X-Requested-By", "cutover"))
          .andExpect(status().isAccepted());
    } catch (Exception failed) {
      throw new AssertionError("the cancel was not accepted", failed);
    }
  }

  private List<String> recipientsOf(String subject) throws Exception {
    List<String> recipients = new ArrayList<>();
    for (JsonNode letter : outbox()) {
      if (letter.get("subject").asText().equals(subject)) {
        letter.get("to").forEach(to -> recipients.add(to.asText()));
      }
    }
    return recipients;
  }

  private JsonNode outbox() throws Exception {
    return json.readTree(
        mvc.perform(get("/api/demo/outbox").with(httpBasic("admin", "admin-test-password")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
