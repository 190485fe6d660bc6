package org.cutover.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.UserLetters;
import org.cutover.process.RunbookControl;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each user's own passwords over the API: Microsoft's IMAP migration CSV stored with POST
 * /api/credentials/mailboxes (answered with ids, a broken list refused by line and column with
 * nothing stored), and a migration whose mailboxes carry passwords, whose view says only that one
 * is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
class MailboxPasswordApiTest {

  static final String ANNA_PASSWORD = "Anna's;pa55,word";
  static final String BO_PASSWORD = "b0-Secret!";

  @MockitoBean RunbookControl runbook;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @Autowired MockMvc mvc;
  @Autowired ObjectMapper json;
  @Autowired JdbcClient jdbc;
  @Autowired SecretStore secrets;

  @BeforeEach
  void runbookStarts() {
    when(runbook.start(any())).thenReturn("process-instance-1");
    when(runbook.currentSteps(any())).thenReturn(List.of("Verify domain TXT record"));
  }

  @AfterEach
  void emptyTables() {
    jdbc.sql("DELETE FROM dns_change").update();
    jdbc.sql("DELETE FROM mailbox").update();
    jdbc.sql("DELETE FROM endpoint").update();
    jdbc.sql("DELETE FROM migration").update();
    jdbc.sql("DELETE FROM secret").update();
  }

  @Test
  void storesMicrosoftsCsvEncryptedAndAnswersTheListWithTheIds() throws Exception {
    String csv =
        "\uFEFFEmailAddress,UserName,Password\r\n"
            + "anna@contoso.com,anna,\""
            + ANNA_PASSWORD
            + "\"\r\n"
            + "bo@contoso.com,bo,"
            + BO_PASSWORD
            + "\r\n";

    String answer =
        mvc.perform(csv(csv))
            .andExpect(status().isCreated())
            .andExpect(content().contentTypeCompatibleWith("text/csv"))
            .andExpect(header().string("Cache-Control", containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    List<String> lines = List.of(answer.split("\r\n"));
    assertThat(lines.get(0))
        .isEqualTo(
            "EmailAddress,UserName,DisplayName,SourceCredentialId,TargetUserName,"
                + "TargetCredentialId");
    assertThat(lines).hasSize(3);
    String[] anna = lines.get(1).split(",", -1);
    assertThat(anna).startsWith("anna@contoso.com", "anna", "");
    assertThat(new String(secrets.get(new SecretRef(anna[3])))).isEqualTo(ANNA_PASSWORD);
    String[] bo = lines.get(2).split(",", -1);
    assertThat(new String(secrets.get(new SecretRef(bo[3])))).isEqualTo(BO_PASSWORD);
    assertThat(answer).doesNotContain(ANNA_PASSWORD, BO_PASSWORD);
    assertThat(secrets.describe(new SecretRef(anna[3])).orElseThrow().name())
        .isEqualTo("anna@contoso.com: source password");
  }

  @Test
  void aBrokenListIsRefusedByLineAndColumnAndNothingIsStored() throws Exception {
    String csv =
        "EmailAddress,UserName,Password\n"
            + "anna@contoso.com,anna,"
            + ANNA_PASSWORD.replace(",", "")
            + "\n"
            + "bo@contoso.com,bo,\n"
            + "anna@contoso.com,anna2,x\n"
            + "carl@contoso.com,carl\n"
            + "not-an-address,dan,y\n";

    mvc.perform(csv(csv))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("urn:cutover:problem:invalid-settings"))
        .andExpect(jsonPath("$.errors", hasSize(4)))
        .andExpect(jsonPath("$.errors[0].path").value("line 3, column Password"))
        .andExpect(jsonPath("$.errors[0].message", containsString("the password is missing")))
        .andExpect(jsonPath("$.errors[1].path").value("line 4, column EmailAddress"))
        .andExpect(jsonPath("$.errors[1].message", containsString("is on line 2 already")))
        .andExpect(jsonPath("$.errors[2].path").value("line 5"))
        .andExpect(jsonPath("$.errors[2].message", containsString("the header line has 3")))
        .andExpect(jsonPath("$.errors[3].path").value("line 6, column EmailAddress"))
        .andExpect(jsonPath("$.errors[3].message", containsString("must be an email address")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("pa55"))));
    assertThat(count("secret")).isZero();
  }

  @Test
  void theProblemsComeInDanish() throws Exception {
    mvc.perform(
            csv("EmailAddress,UserName,Password\nanna@contoso.com,anna,\n")
                .header("Accept-Language", "da"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors[0].path").value("line 2, column Password"))
        .andExpect(jsonPath("$.errors[0].message", containsString("adgangskoden mangler")));
    assertThat(count("secret")).isZero();
  }

  @Test
  void aMigrationWithEachUsersPasswordShowsOnlyThatOneIsSet() throws Exception {
    Map<String, Object> body = MigrationApiTest.migration(0);
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("host", "imap.oldhost.example");
    source.put("security", "IMPLICIT_TLS");
    source.put("auth", "PLAIN");
    body.put("source", source);
    body.put(
        "mailboxes",
        List.of(
            Map.of("emailAddress", "anna@contoso.com", "sourcePassword", ANNA_PASSWORD),
            Map.of("emailAddress", "bo@contoso.com", "sourceLogin", "bo")));

    mvc.perform(migration(body))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.errors", hasSize(1)))
        .andExpect(jsonPath("$.errors[0].path").value("$.mailboxes[1].sourcePassword"))
        .andExpect(jsonPath("$.errors[0].message", containsString("auth PLAIN")));
    assertThat(count("secret")).isZero();
    assertThat(count("migration")).isZero();

    body.put(
        "mailboxes",
        List.of(
            Map.of("emailAddress", "anna@contoso.com", "sourcePassword", ANNA_PASSWORD),
            Map.of(
                "emailAddress",
                "bo@contoso.com",
                "sourceLogin",
                "bo",
                "sourcePassword",
                BO_PASSWORD)));
    String created =
        mvc.perform(migration(body))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = json.readTree(created).get("id").asText();
    String view =
        mvc.perform(get("/api/migrations/" + id).with(MigrationApiTest.ADMIN))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.source.adminUser").doesNotExist())
            .andExpect(jsonPath("$.mailboxes[0].sourcePasswordSet").value(true))
            .andExpect(jsonPath("$.mailboxes[1].sourcePasswordSet").value(true))
            .andExpect(jsonPath("$.mailboxes[0].targetPasswordSet").value(false))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(created + view).doesNotContain(ANNA_PASSWORD, BO_PASSWORD);
    // The client secret, the DNS key and the two users' passwords.
    assertThat(count("secret")).isEqualTo(4);
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder csv(
      String text) {
    return post("/api/credentials/mailboxes")
        .with(MigrationApiTest.ADMIN)
        .contentType("text/csv")
        .content(text.getBytes(StandardCharsets.UTF_8));
  }

  private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder migration(
      Map<String, Object> body) throws Exception {
    return post("/api/migrations")
        .with(MigrationApiTest.ADMIN)
        .contentType(MediaType.APPLICATION_JSON)
        .content(json.writeValueAsString(body));
  }

  private long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }
}
