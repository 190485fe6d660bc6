package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cutover.migration.MailboxSyncRunner;
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
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo's sample migration runs to its end against the demo's own servers: real IMAP sync from
 * the GreenMail source to the GreenMail target, real RFC 2136 updates of the in-process DNS server,
 * real letters to the demo SMTP server. Jobs are run and the engine clock is moved by the test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc(print = MockMvcPrint.NONE)
@ActiveProfiles({"demo", "test"})
class DemoMigrationEndToEndTest {

  static final int SOURCE = FreePort.pick();
  static final int TARGET = FreePort.pick();
  static final int SMTP = FreePort.pick();
  static final int DNS = FreePort.pick();
  static final String TOKEN = "contoso-demo-access-token";
  static final List<String> USERS =
      List.of("anna@contoso.test", "bo@contoso.test", "carl@contoso.test");

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

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void sampleMigrationMovesEveryMailboxSwapsMxAndSendsTheWelcomeLetter() throws Exception {
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(httpBasic("admin", "admin-test-password"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(sampleRequest()))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(created).get("id").asText();
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();

    new RunbookDriver(engine, syncRunner, defaults).runUntilEnded(processInstanceId);

    for (String user : USERS) {
      assertThat(messagesIn(TARGET, user))
          .as("messages of " + user + " at the target")
          .isEqualTo(10);
    }
    JsonNode migration =
        json.readTree(
            mvc.perform(
                    get("/api/migrations/" + id).with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<String> steps = new ArrayList<>();
    migration.get("dnsChanges").forEach(change -> steps.add(change.get("step").asText()));
    assertThat(steps).contains("LOWER_MX_TTL", "SWAP_MX", "RESTORE_MX_TTL");
    JsonNode outbox =
        json.readTree(
            mvc.perform(get("/api/demo/outbox").with(httpBasic("admin", "admin-test-password")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
    List<String> welcomed = new ArrayList<>();
    outbox.forEach(
        letter -> {
          if (letter.get("subject").asText().equals("Your e-mail at contoso.test has moved")) {
            welcomed.add(letter.get("to").get(0).asText());
          }
        });
    assertThat(welcomed).containsExactlyInAnyOrderElementsOf(USERS);
  }

  private String sampleRequest() throws Exception {
    ObjectNode request;
    try (InputStream in = new ClassPathResource("demo/migration.json").getInputStream()) {
      request = (ObjectNode) json.readTree(in);
    }
    ((ObjectNode) request.get("source")).put("port", SOURCE);
    ((ObjectNode) request.get("target").get("endpoint")).put("port", TARGET);
    ((ObjectNode) request.get("dns")).put("server", "127.0.0.1:" + DNS);
    return json.writeValueAsString(request);
  }

  private static int messagesIn(int port, String user) throws Exception {
    Store store = Session.getInstance(new Properties()).getStore("imap");
    store.connect("127.0.0.1", port, user, TOKEN);
    try (store) {
      int count = 0;
      for (Folder folder : store.getDefaultFolder().list("*")) {
        if ((folder.getType() & Folder.HOLDS_MESSAGES) != 0) {
          count += folder.getMessageCount();
        }
      }
      return count;
    }
  }
}
