package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.LoopbackMail;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A migration between two real Dovecots in which one user's password at the source changes after
 * preflight: that mailbox's copy fails, and instead of the batch going on silently the runbook
 * waits at "Review failed mailboxes" with the mailbox and the server's reason, the batch status
 * SyncedWithErrors. The administrator takes it out of the batch and the runbook runs to its end;
 * the administrator was mailed once at each milestone, in Danish, with the report attached.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@Import(EngineClockConfiguration.class)
class FailedMailboxReviewIT {

  static final String DOMAIN = "fabrikam.test";
  static final String ADMIN_ADDRESS = "admin@" + DOMAIN;
  static final List<String> USERS = List.of("user1@" + DOMAIN, "user2@" + DOMAIN);
  static final String TSIG_SECRET = "c2VjcmV0LW9mLXRoZS1mYWlsZWQtbWFpbGJveGVzLXRlc3Q=";
  static final TsigKey KEY = new TsigKey("cutover-failed", "hmac-sha256", () -> TSIG_SECRET);
  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");

  static Path work;
  static DovecotServer source;
  static DovecotServer target;
  static InProcessDnsServer dns;
  static GreenMail smtp;

  @BeforeAll
  static void startServers() throws Exception {
    work = Files.createTempDirectory("cutover-failed-mailbox");
    source =
        DovecotServer.start(
            work.resolve("source"), DovecotOptions.defaults().withSeparator('.').withUsers(2));
    target =
        DovecotServer.start(
            work.resolve("target"), DovecotOptions.defaults().withSeparator('/').withUsers(2));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(2, 10, 23));
    for (int i = 1; i <= USERS.size(); i++) {
      addAccount(source, USERS.get(i - 1), "source-" + i, "user" + i);
      addAccount(target, USERS.get(i - 1), "target-" + i, null);
    }
    dns = new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
    dns.start();
    dns.addZone(DOMAIN, zoneFile());
    smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP);
    smtp.start();
  }

  @AfterAll
  static void stopServers() throws IOException {
    if (smtp != null) {
      smtp.stop();
    }
    if (dns != null) {
      dns.close();
    }
    DovecotServer.stopAll(new ArrayList<>(Arrays.asList(source, target)));
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry properties) {
    properties.add("cutover.dns.authoritative-servers", () -> "127.0.0.1:" + dns.port());
    properties.add("cutover.dns.resolvers", () -> "127.0.0.1:" + dns.port());
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("cutover.letters.from", () -> "it@" + DOMAIN);
    properties.add("cutover.letters.administrator-email", () -> ADMIN_ADDRESS);
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
  void aMailboxThatFailsWaitsForTheAdministratorsReviewWithItsError() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    String id = register();
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();
    RunbookDriver driver = new RunbookDriver(engine, syncRunner, defaults);
    // Preflight and the endpoint's test passed with the right passwords; before the batch starts,
    // user2's password at the source changes.
    driver.runUntilWaitingAt(processInstanceId, "approveBatchStart");
    changePassword(source, USERS.get(1), "source-2", "changed-since-preflight");

    driver.runUntilWaitingAt(processInstanceId, "reviewFailedMailboxes");

    Task review =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey("reviewFailedMailboxes")
            .singleResult();
    assertThat(review.getName()).isEqualTo("Review failed mailboxes");
    Map<String, Object> variables = engine.getTaskService().getVariables(review.getId());
    assertThat(variables)
        .containsEntry("failedMailboxCount", 1)
        .containsEntry("batchStatus", "SYNCED_WITH_ERRORS");
    String listed = (String) variables.get("failedMailboxes");
    assertThat(listed).startsWith(USERS.get(1) + ": ").doesNotContain(USERS.get(0));
    assertThat(listed).doesNotContain("changed-since-preflight").doesNotContain("source-2");
    assertThat(engine.getRuntimeService().getActiveActivityIds(processInstanceId))
        .contains("reviewFailedMailboxes");
    JsonNode view = details(id);
    JsonNode failed = mailbox(view, USERS.get(1));
    assertThat(failed.path("status").asText()).isEqualTo("FAILED");
    assertThat(listed).isEqualTo(USERS.get(1) + ": " + failed.path("lastError").asText());
    assertThat(mailbox(view, USERS.get(0)).path("status").asText()).isEqualTo("SYNCED");
    // The initial sync is done, and mailed, when the batch goes on.
    assertThat(milestoneMails()).isEmpty();

    engine.getTaskService().complete(review.getId(), Map.of("failedMailboxesChoice", "EXCLUDE"));
    driver.runUntilEnded(processInstanceId);

    JsonNode done = details(id);
    assertThat(done.path("phase").asText()).isEqualTo("COMPLETED");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(milestoneMails()).hasSize(3));
    assertThat(milestoneMails().stream().map(FailedMailboxReviewIT::subject).toList())
        .containsExactly(
            "Første kopiering færdig: " + DOMAIN + " (failed-review)",
            "Skiftet er sket: post kommer nu til målet: " + DOMAIN + " (failed-review)",
            "Migreringen er afsluttet: " + DOMAIN + " (failed-review)");
    for (MimeMessage message : milestoneMails()) {
      Map<String, String> files = attachments(message);
      assertThat(files).containsOnlyKeys("report.html", "report.csv");
      assertThat(files.get("report.csv"))
          .startsWith("EmailAddress,Status,ItemsSynced")
          .contains(USERS.get(0))
          .contains(USERS.get(1));
      assertThat(files.get("report.html")).contains("<html").contains(DOMAIN);
    }
  }

  private String register() throws Exception {
    List<Map<String, Object>> mailboxes = new ArrayList<>();
    for (int i = 1; i <= USERS.size(); i++) {
      Map<String, Object> mailbox = new LinkedHashMap<>();
      mailbox.put("emailAddress", USERS.get(i - 1));
      mailbox.put("sourcePassword", "source-" + i);
      mailbox.put("targetPassword", "target-" + i);
      mailboxes.add(mailbox);
    }
    Map<String, Object> targetSettings = new LinkedHashMap<>();
    targetSettings.put("type", "IMAP");
    targetSettings.put("endpoint", endpoint(target.port()));
    targetSettings.put("mxHosts", List.of("10 mx.target." + DOMAIN));
    Map<String, Object> dnsSettings = new LinkedHashMap<>();
    dnsSettings.put("mode", "AUTOMATIC");
    dnsSettings.put("provider", "rfc2136");
    dnsSettings.put("zone", DOMAIN);
    dnsSettings.put("server", "127.0.0.1:" + dns.port());
    dnsSettings.put("credentials", "cutover-failed:hmac-sha256:" + TSIG_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", DOMAIN);
    body.put("batchName", "failed-review");
    body.put("language", "da");
    body.put("mailboxes", mailboxes);
    body.put("source", endpoint(source.port()));
    body.put("target", targetSettings);
    body.put("dns", dnsSettings);
    body.put("autoStartBatch", false);
    String created =
        mvc.perform(
                post("/api/migrations")
                    .with(ADMIN)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(body)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(created).get("id").asText();
  }

  private static Map<String, Object> endpoint(int port) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("host", "127.0.0.1");
    endpoint.put("port", port);
    endpoint.put("security", "PLAINTEXT");
    endpoint.put("allowPlaintext", true);
    endpoint.put("auth", "PLAIN");
    return endpoint;
  }

  private JsonNode details(String id) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/migrations/" + id).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static JsonNode mailbox(JsonNode view, String address) {
    for (JsonNode mailbox : view.path("mailboxes")) {
      if (address.equals(mailbox.path("emailAddress").asText())) {
        return mailbox;
      }
    }
    throw new AssertionError(address + " is not in " + view.path("mailboxes"));
  }

  /** The mails to the administrator about this batch; the users' letters go to the same server. */
  private static List<MimeMessage> milestoneMails() throws Exception {
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      if (ADMIN_ADDRESS.equals(message.getAllRecipients()[0].toString())
          && subject(message).endsWith(" (failed-review)")) {
        mails.add(message);
      }
    }
    return mails;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> attachments(MimeMessage message) throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    Multipart parts = (Multipart) message.getContent();
    for (int i = 0; i < parts.getCount(); i++) {
      Part part = parts.getBodyPart(i);
      if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
        try (InputStream in = part.getInputStream()) {
          files.put(part.getFileName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return files;
  }

  private static void addAccount(
      DovecotServer server, String login, String password, String sameMailAs) throws IOException {
    Files.writeString(
        server.dir().resolve("users"),
        login + ":{PLAIN}" + password + "::::::\n",
        StandardOpenOption.APPEND);
    if (sameMailAs != null) {
      Files.createSymbolicLink(server.dir().resolve("mail").resolve(login), Path.of(sameMailAs));
    }
  }

  private static void changePassword(
      DovecotServer server, String login, String oldPassword, String newPassword)
      throws IOException {
    Path users = server.dir().resolve("users");
    String before = login + ":{PLAIN}" + oldPassword + ":";
    String all = Files.readString(users);
    assertThat(all).contains(before);
    Files.writeString(users, all.replace(before, login + ":{PLAIN}" + newPassword + ":"));
  }

  private static String zoneFile() {
    return """
        $TTL 3600
        @       IN SOA  ns1.%1$s. hostmaster.%1$s. ( 2026030101 3600 900 604800 300 )
                IN NS   ns1.%1$s.
                86400 IN MX 10 mail.%1$s.
                IN TXT  "v=spf1 mx -all"
        ns1     IN A    127.0.0.1
        mail    IN A    192.0.2.25
        """
        .formatted(DOMAIN);
  }
}
