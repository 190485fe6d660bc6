package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.migration.Capabilities;
import org.cutover.migration.Capability;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.process.RunbookControl;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The letters API in the whole application with SMTP configured (GreenMail on 127.0.0.1): the real
 * letters capability sends what the administrator saw and edited. The runbook and the other
 * capabilities are stubbed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LetterApiTest {

  static GreenMail smtp;

  @DynamicPropertySource
  static void smtpServer(DynamicPropertyRegistry properties) {
    smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP);
    smtp.start();
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("cutover.letters.from", () -> "Contoso IT <it@contoso.com>");
    properties.add("cutover.letters.administrator-email", () -> "admin@contoso.com");
    properties.add("cutover.letters.contact-name", () -> "Contoso IT");
    properties.add("cutover.letters.contact-email", () -> "helpdesk@contoso.com");
    properties.add("cutover.letters.retry-backoff", () -> "PT0S");
  }

  @AfterAll
  static void stopSmtpServer() {
    smtp.stop();
  }

  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean DnsRunbook dns;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired UserLetters letters;
  @Autowired Capabilities capabilities;

  @BeforeEach
  void runbookStarts() throws Exception {
    when(runbook.start(any())).thenReturn("process-instance-1");
    smtp.purgeEmailFromAllMailboxes();
  }

  @AfterEach
  void emptyTables() {
    for (String table :
        List.of(
            "letter_delivery",
            "letter_edit",
            "letter_schedule",
            "mailbox",
            "endpoint",
            "migration",
            "secret")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  @Test
  void lettersAreAvailableOnceSmtpIsConfigured() {
    assertThat(letters.getClass().getSimpleName()).isEqualTo("SmtpUserLetters");
    assertThat(capabilities.missing()).doesNotContain(Capability.LETTERS);
  }

  @Test
  void showsTheAnnouncementInTheMigrationsLanguage() throws Exception {
    String english = migration("en");

    mvc.perform(get(letter(english, "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.letter").value("announcement"))
        .andExpect(jsonPath("$.language").value("en"))
        .andExpect(jsonPath("$.subject").value("Your e-mail at contoso.com is moving"))
        .andExpect(jsonPath("$.body", startsWith("Dear {{displayName}},\n")))
        .andExpect(
            jsonPath("$.body", containsString("a short letter with the exact time will follow")))
        .andExpect(jsonPath("$.body", containsString("https://outlook.office.com")))
        .andExpect(jsonPath("$.edited").value(false))
        .andExpect(jsonPath("$.editable").value(true))
        .andExpect(jsonPath("$.placeholders", hasItem("emailAddress")));
    emptyTables();

    String danish = migration("da");
    mvc.perform(get(letter(danish, "welcome")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("da"))
        .andExpect(
            jsonPath("$.subject").value("Din e-mail hos contoso.com er flyttet til Microsoft 365"))
        .andExpect(jsonPath("$.body", startsWith("Kære {{displayName}}\n")));
  }

  @Test
  void theAnnouncementNamesThePlannedSwitch() throws Exception {
    String id = migration("en");
    LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(30);

    mvc.perform(
            put("/api/migrations/" + id + "/planned-switch")
                .with(MigrationApiTest.ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedSwitch\":\"" + day + "\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.plannedSwitch").value(day.toString()));

    String written = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu", Locale.ENGLISH).format(day);
    mvc.perform(get(letter(id, "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(
            jsonPath("$.subject")
                .value("Your e-mail at contoso.com is moving on or after " + written))
        .andExpect(
            jsonPath(
                "$.body",
                containsString(
                    "When: mail moves on or after "
                        + written
                        + "; a short letter with the exact time will follow.")));
    mvc.perform(get("/api/migrations/" + id + "/planned-switch").with(MigrationApiTest.ADMIN))
        .andExpect(jsonPath("$.plannedSwitch").value(day.toString()));
    mvc.perform(
            put("/api/migrations/" + id + "/planned-switch")
                .with(MigrationApiTest.ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"plannedSwitch\":\"2020-01-01\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.plannedSwitch"))
        .andExpect(jsonPath("$.errors[0].message").value("must be today or a later day"));
  }

  @Test
  void refusesAnEditThatBreaksTheRulesNamingEachField() throws Exception {
    String id = migration("en");

    edit(id, "announcement", " ", "Dear {{firstName}}, mail moves {{ soon")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(3)))
        .andExpect(jsonPath("$.errors[0].path").value("$.subject"))
        .andExpect(jsonPath("$.errors[0].message", containsString("must not be blank")))
        .andExpect(jsonPath("$.errors[1].path").value("$.body"))
        .andExpect(
            jsonPath(
                "$.errors[1].message",
                containsString("uses placeholder {{firstName}}, which letters do not have")))
        .andExpect(jsonPath("$.errors[1].message", containsString("{{displayName}}")))
        .andExpect(jsonPath("$.errors[2].message", containsString("not part of a placeholder")));
    edit(id, "announcement", "x".repeat(201), "Text")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters long"));
    mvc.perform(get(letter(id, "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(jsonPath("$.edited").value(false));
  }

  @Test
  void keepsTheAdministratorsEditUntilItIsDropped() throws Exception {
    String id = migration("en");

    edit(id, "welcome", "Welcome to {{domain}}", "Hello {{displayName}}.\r\n")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.subject").value("Welcome to {{domain}}"))
        .andExpect(jsonPath("$.body").value("Hello {{displayName}}.\n"))
        .andExpect(jsonPath("$.edited").value(true));
    mvc.perform(get(letter(id, "welcome")).with(MigrationApiTest.ADMIN))
        .andExpect(jsonPath("$.subject").value("Welcome to {{domain}}"));
    mvc.perform(get(letter(id, "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(jsonPath("$.edited").value(false));
    assertThat(
            jdbc.sql("SELECT edited_by FROM letter_edit WHERE migration_id = :id")
                .param("id", id)
                .query(String.class)
                .single())
        .isEqualTo("admin");

    mvc.perform(delete(letter(id, "welcome")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.edited").value(false))
        .andExpect(
            jsonPath("$.subject").value("Your e-mail at contoso.com has moved to Microsoft 365"));
  }

  @Test
  void sendsWhatTheAdministratorSawAndThenRefusesEdits() throws Exception {
    String id = migration("en");
    edit(
            id,
            "announcement",
            "Mail for {{domain}} moves",
            "Dear {{displayName}} ({{emailAddress}}).")
        .andExpect(status().isOk());

    letters.sendAnnouncement(id);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    assertThat(received[0].getSubject()).isEqualTo("Mail for contoso.com moves");
    assertThat(
            List.of(
                ((String) received[0].getContent()).strip(),
                ((String) received[1].getContent()).strip()))
        .containsExactlyInAnyOrder(
            "Dear User 0 (user0@contoso.com).", "Dear User 1 (user1@contoso.com).");
    mvc.perform(get(letter(id, "announcement") + "/deliveries").with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].address").value("user0@contoso.com"))
        .andExpect(jsonPath("$[0].status").value("SENT"))
        .andExpect(jsonPath("$[0].attempts").value(1))
        .andExpect(jsonPath("$[0].sentAt").exists());
    mvc.perform(get(letter(id, "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(jsonPath("$.editable").value(false));
    edit(id, "announcement", "Changed", "Changed text")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:wrong-state"))
        .andExpect(jsonPath("$.detail", containsString("has already gone to some recipients")));
    mvc.perform(delete(letter(id, "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isConflict());
  }

  @Test
  void anUnknownLetterOrMigrationIsNotFound() throws Exception {
    String id = migration("en");

    mvc.perform(get(letter(id, "farewell")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:not-found"))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "There is no letter 'farewell'; the letters are announcement, welcome,"
                        + " cancellation,"
                        + " licence-reminder."));
    mvc.perform(get(letter(id, "announcement-report")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isNotFound());
    mvc.perform(get(letter("no-such-id", "announcement")).with(MigrationApiTest.ADMIN))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail", containsString("no-such-id")));
    mvc.perform(get("/api/migrations/no-such-id/planned-switch").with(MigrationApiTest.ADMIN))
        .andExpect(status().isNotFound());
  }

  @Test
  void requiresAnAdministratorsLogin() throws Exception {
    mvc.perform(get(letter("any", "announcement"))).andExpect(status().isUnauthorized());
    mvc.perform(
            put(letter("any", "announcement"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"subject\":\"s\",\"body\":\"b\"}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void describesTheLetterEndpointsInTheOpenApiDescription() throws Exception {
    JsonNode api =
        json.readTree(
            mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

    assertThat(api.path("paths").has("/api/migrations/{id}/letters/{letter}")).isTrue();
    assertThat(api.path("paths").has("/api/migrations/{id}/letters/{letter}/deliveries")).isTrue();
    assertThat(api.path("paths").has("/api/migrations/{id}/planned-switch")).isTrue();
  }

  private String migration(String language) throws Exception {
    Map<String, Object> body = MigrationApiTest.migration(2);
    body.put("language", language);
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(MigrationApiTest.ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(created).get("id").asText();
  }

  private ResultActions edit(String id, String letter, String subject, String body)
      throws Exception {
    return mvc.perform(
        put(letter(id, letter))
            .with(MigrationApiTest.ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(Map.of("subject", subject, "body", body))));
  }

  private static String letter(String id, String letter) {
    return "/api/migrations/" + id + "/letters/" + letter;
  }
}
