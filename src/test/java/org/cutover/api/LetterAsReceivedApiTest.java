package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
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
 * The users' mail program settings a migration is registered with, and its letters as each user
 * receives them: the servers named are the users' own, never the endpoint Cutover logs in to (here
 * the demo's 127.0.0.1:3144 without encryption). No defaults are configured, so an IMAP target must
 * name its users' servers itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class LetterAsReceivedApiTest {

  static GreenMail smtp;

  @DynamicPropertySource
  static void smtpServerAndNoDefaults(DynamicPropertyRegistry properties) {
    smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP);
    smtp.start();
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("cutover.letters.from", () -> "Contoso IT <it@contoso.com>");
    properties.add("cutover.letters.administrator-email", () -> "admin@contoso.com");
    properties.add("cutover.letters.contact-name", () -> "Contoso IT");
    properties.add("cutover.letters.client.incoming-server", () -> "");
    properties.add("cutover.letters.client.outgoing-server", () -> "");
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
  @Autowired org.cutover.migration.UserLetters letters;

  @BeforeEach
  void runbookStarts() {
    when(runbook.start(any())).thenReturn("process-instance-1");
  }

  @AfterEach
  void emptyTables() {
    for (String table :
        List.of(
            "letter_delivery",
            "letter_edit",
            "letter_schedule",
            "migration_client_settings",
            "mailbox",
            "endpoint",
            "migration",
            "secret")) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  @Test
  void imapLettersNameTheUsersOwnServersNeverTheEndpointCutoverLogsInTo() throws Exception {
    String id =
        created(
            register(
                imapMigration(
                    Map.of(
                        "incomingServer", "mail.newhost.example",
                        "outgoingServer", "smtp.newhost.example",
                        "webmailAddress", "https://webmail.newhost.example"))));

    String welcome = received(id, "welcome", "user0@contoso.com");
    assertThat(welcome)
        .startsWith("Subject: Your e-mail at contoso.com has moved\n\nDear User 0,\n")
        .contains("User name: user0@contoso.com")
        .contains("Incoming mail (IMAP): mail.newhost.example, port 993, encryption SSL/TLS")
        .contains("Outgoing mail (SMTP): smtp.newhost.example, port 587, encryption STARTTLS")
        .contains("Classic Outlook on Windows", "New Outlook for Windows", "Outlook for Mac")
        .contains("iPhone and iPad (Mail)", "Android", "Gmail app", "Outlook app")
        .contains("Open https://webmail.newhost.example in a browser")
        .doesNotContain("127.0.0.1", "3144", "{{", "Warning", "Microsoft 365", "null");
    String announcement = received(id, "announcement", "USER1@contoso.com");
    assertThat(announcement)
        .contains("Dear User 1,")
        .contains("incoming mail mail.newhost.example, outgoing mail smtp.newhost.example")
        .doesNotContain("127.0.0.1", "3144", "{{");
    String mailboxId =
        jdbc.sql("SELECT id FROM mailbox WHERE email_address = 'user1@contoso.com'")
            .query(String.class)
            .single();
    assertThat(received(id, "cancellation", mailboxId))
        .startsWith("Subject: The move of your e-mail at contoso.com is off\n\nDear User 1,\n")
        .contains("Your mailbox user1@contoso.com stays where it is")
        .doesNotContain("127.0.0.1", "{{");
  }

  @Test
  void microsoft365LettersInDanishUseTheSignInAddressAndAutodiscover() throws Exception {
    Map<String, Object> body = MigrationApiTest.migration(1);
    body.put("language", "da");
    String id = created(register(body));

    assertThat(received(id, "welcome", "user0@contoso.com"))
        .startsWith(
            "Subject: Din e-mail hos contoso.com er flyttet til Microsoft 365\n\nKære User 0\n")
        .contains("Webmail: https://outlook.office.com")
        .contains("Outlook finder selv indstillingerne")
        .contains("Klassisk Outlook på Windows", "Nye Outlook til Windows", "Outlook til Mac")
        .contains("iPhone og iPad (Mail)", "Microsoft Exchange", "\"Exchange og Office 365\"")
        .doesNotContain("IMAP", "SMTP", "outlook.office365.com", "{{");
  }

  @Test
  void refusesImapUsersSettingsThatAreMissingOrUnencryptedAndStoresNothing() throws Exception {
    register(imapMigration(Map.of()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].path").value("$.clientSettings.incomingServer"))
        .andExpect(jsonPath("$.errors[0].message", containsString("fetch mail from (IMAP)")))
        .andExpect(jsonPath("$.errors[1].path").value("$.clientSettings.outgoingServer"));
    register(
            imapMigration(
                Map.of(
                    "incomingServer", "127.0.0.1",
                    "outgoingServer", "smtp.newhost.example",
                    "outgoingPort", 70000)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.clientSettings.incomingServer"))
        .andExpect(jsonPath("$.errors[0].message", containsString("not an IP address")))
        .andExpect(jsonPath("$.errors[1].path").value("$.clientSettings.outgoingPort"));
    Map<String, Object> unencrypted =
        Map.of(
            "incomingServer", "mail.newhost.example",
            "incomingEncryption", "NONE",
            "outgoingServer", "smtp.newhost.example");
    mvc.perform(
            post("/api/migrations")
                .with(MigrationApiTest.ADMIN)
                .header("Accept-Language", "da")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(imapMigration(unencrypted))))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.clientSettings.incomingEncryption"))
        .andExpect(jsonPath("$.errors[0].message", containsString("ukrypteret")));
    assertThat(jdbc.sql("SELECT COUNT(*) FROM migration").query(Long.class).single()).isZero();
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM migration_client_settings").query(Long.class).single())
        .isZero();

    Map<String, Object> insisted = new LinkedHashMap<>(unencrypted);
    insisted.put("allowUnencrypted", true);
    String id = created(register(imapMigration(insisted)));
    assertThat(received(id, "welcome", "user0@contoso.com"))
        .contains("Incoming mail (IMAP): mail.newhost.example, port 143, encryption none")
        .contains("Warning: some of these connections are not encrypted");
  }

  @Test
  void changedClientSettingsAreCheckedAsAtRegistrationAndLettersSentAfterwardsNameThem()
      throws Exception {
    String id =
        created(
            register(
                imapMigration(
                    Map.of(
                        "incomingServer", "mail.newhost.example",
                        "outgoingServer", "smtp.newhost.example"))));

    changeClientSettings(id, Map.of("incomingServer", "127.0.0.1", "outgoingPort", 70000), "en")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].path").value("$.incomingServer"))
        .andExpect(jsonPath("$.errors[0].message", containsString("not an IP address")))
        .andExpect(jsonPath("$.errors[1].path").value("$.outgoingPort"));
    changeClientSettings(id, Map.of("incomingServer", "imap.moved.example"), "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.outgoingServer"));
    changeClientSettings(
            id,
            Map.of(
                "incomingServer", "imap.moved.example",
                "incomingEncryption", "NONE",
                "outgoingServer", "smtp.moved.example"),
            "da")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.incomingEncryption"))
        .andExpect(jsonPath("$.errors[0].message", containsString("ukrypteret")));
    changeClientSettings(id, Map.of("incomingSrever", "imap.moved.example"), "en")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("$.incomingSrever"));
    assertThat(received(id, "welcome", "user0@contoso.com"))
        .as("nothing refused is stored")
        .contains("Incoming mail (IMAP): mail.newhost.example, port 993");

    changeClientSettings(
            id,
            Map.of(
                "incomingServer", "imap.moved.example",
                "outgoingServer", "smtp.moved.example",
                "outgoingEncryption", "TLS"),
            "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.incomingServer").value("imap.moved.example"))
        .andExpect(jsonPath("$.outgoingPort").value(465));
    mvc.perform(get("/api/migrations/" + id + "/client-settings").with(MigrationApiTest.ADMIN))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.outgoingServer").value("smtp.moved.example"));
    smtp.purgeEmailFromAllMailboxes();
    letters.sendWelcomeLetter(id);

    jakarta.mail.internet.MimeMessage[] sent = smtp.getReceivedMessagesForDomain("contoso.com");
    assertThat(sent).isNotEmpty();
    for (jakarta.mail.internet.MimeMessage letter : sent) {
      assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(letter))
          .contains("imap.moved.example", "smtp.moved.example")
          .doesNotContain("mail.newhost.example", "smtp.newhost.example");
    }
    changeClientSettings("no-such-id", Map.of(), "en").andExpect(status().isNotFound());
  }

  @Test
  void answersProblemDetailsForAnUnknownMailboxLetterOrMigration() throws Exception {
    String id = created(register(MigrationApiTest.migration(1)));

    asReceived(id, "welcome", "nobody@contoso.com")
        .andExpect(status().isNotFound())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("has no mailbox nobody@contoso.com")));
    asReceived(id, "welcome", " ")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail", containsString("?mailbox=")));
    asReceived(id, "licence-reminder", "user0@contoso.com")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail", containsString("goes to the administrator")));
    asReceived(id, "farewell", "user0@contoso.com")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:not-found"));
    asReceived("no-such-id", "welcome", "user0@contoso.com")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail", containsString("no-such-id")));
  }

  private Map<String, Object> imapMigration(Map<String, Object> clientSettings) {
    Map<String, Object> body = MigrationApiTest.migration(2);
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("host", "127.0.0.1");
    endpoint.put("port", 3144);
    endpoint.put("security", "PLAINTEXT");
    endpoint.put("allowPlaintext", true);
    endpoint.put("auth", "DELEGATED_ADMIN");
    endpoint.put("adminUser", "migration-admin@contoso.com");
    endpoint.put("password", "target-admin-password");
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "IMAP");
    target.put("endpoint", endpoint);
    target.put("mxHosts", List.of("10 mail.newhost.example"));
    body.put("target", target);
    if (!clientSettings.isEmpty()) {
      body.put("clientSettings", clientSettings);
    }
    return body;
  }

  private ResultActions changeClientSettings(
      String id, Map<String, Object> settings, String language) throws Exception {
    return mvc.perform(
        put("/api/migrations/" + id + "/client-settings")
            .with(MigrationApiTest.ADMIN)
            .header("Accept-Language", language)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(settings)));
  }

  private ResultActions register(Map<String, Object> body) throws Exception {
    return mvc.perform(
        post("/api/migrations")
            .with(MigrationApiTest.ADMIN)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json.writeValueAsString(body)));
  }

  private String created(ResultActions registered) throws Exception {
    String answer =
        registered.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
    return json.readTree(answer).get("id").asText();
  }

  private ResultActions asReceived(String id, String letter, String mailbox) throws Exception {
    return mvc.perform(
        get("/api/migrations/" + id + "/letters/" + letter)
            .param("mailbox", mailbox)
            .accept(MediaType.TEXT_PLAIN)
            .with(MigrationApiTest.ADMIN));
  }

  private String received(String id, String letter, String mailbox) throws Exception {
    return asReceived(id, letter, mailbox)
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_PLAIN))
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
