package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.TsigKey;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.LoopbackMail;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
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
 * A whole migration with nothing faked: the application started, a migration registered over the
 * REST API, the real runbook worked to its end (jobs, sync tasks, human tasks, the 72-hour wait),
 * mailboxes copied from a real Dovecot with Danish special-use names and '.' separators to a real
 * Dovecot with English names and '/' separators, the DNS changed by RFC 2136 on the in-process
 * server, and the letters sent by SMTP. Then the test kit's fidelity comparison judges the copy,
 * and the zone and the inboxes are read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@Import(EngineClockConfiguration.class)
class FullMigrationIT {

  static final String DOMAIN = "contoso.test";
  static final List<String> USERS = List.of("user1@" + DOMAIN, "user2@" + DOMAIN);
  static final String TSIG_SECRET = "c2VjcmV0LW9mLXRoZS1mdWxsLW1pZ3JhdGlvbi10ZXN0";
  static final TsigKey KEY = new TsigKey("cutover-full", "hmac-sha256", () -> TSIG_SECRET);
  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");

  static Path work;
  static DovecotServer source;
  static DovecotServer target;
  static InProcessDnsServer dns;
  static GreenMail smtp;

  @BeforeAll
  static void startServers() throws Exception {
    work = Files.createTempDirectory("cutover-full");
    source =
        DovecotServer.start(
            work.resolve("source"),
            DovecotOptions.defaults().danish().withSeparator('.').withUsers(2));
    target =
        DovecotServer.start(
            work.resolve("target"), DovecotOptions.defaults().withSeparator('/').withUsers(2));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(2, 40, 11));
    // The migrated users sign in with their addresses on both servers; on the source the address
    // is another name for the corpus user's mail.
    for (int i = 1; i <= USERS.size(); i++) {
      addAccount(source, USERS.get(i - 1), "user" + i);
      addAccount(target, USERS.get(i - 1), null);
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
    DovecotServer.stopAll(new java.util.ArrayList<>(java.util.Arrays.asList(source, target)));
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry properties) {
    properties.add("cutover.dns.authoritative-servers", () -> "127.0.0.1:" + dns.port());
    properties.add("cutover.dns.resolvers", () -> "127.0.0.1:" + dns.port());
    properties.add("spring.mail.host", () -> "127.0.0.1");
    properties.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    properties.add("cutover.letters.from", () -> "it@" + DOMAIN);
    properties.add("cutover.letters.administrator-email", () -> "admin@" + DOMAIN);
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
  void migratesEveryMessageSwapsMxAndWritesToEveryUser() throws Exception {
    ClockUtil.setCurrentTime(new Date());
    String id = register();
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();

    // Mail that reaches the old server after the swap, once the last sync before the final wait
    // has run (no incremental pass comes in between: the cycle is longer than the wait).
    String lateMessageId = "<late-after-swap@" + DOMAIN + ">";
    // And mail that reaches it after the batch was deleted, while the watch for late mail runs.
    String afterDeletionId = "<late-after-deletion@" + DOMAIN + ">";
    new RunbookDriver(engine, syncRunner, defaults)
        .beforeTimer("finalWaitOver", () -> deliverToSource(USERS.get(0), lateMessageId))
        .beforeTimer("lateMailCheckDue", () -> deliverToSource(USERS.get(1), afterDeletionId))
        .runUntilEnded(processInstanceId);

    assertThat(inboxMessageIds(target.port(), USERS.get(0)))
        .as("mail delivered to the source after the swap is on the target")
        .contains(lateMessageId);
    assertThat(inboxMessageIds(target.port(), USERS.get(1)))
        .as("mail delivered to the source after the batch was deleted is on the target, once")
        .containsOnlyOnce(afterDeletionId);

    JsonNode view = details(id);
    assertThat(view.path("phase").asText()).isEqualTo("COMPLETED");
    assertThat(view.path("batchStatus").asText()).isEqualTo("REMOVED");
    JsonNode watch = view.path("lateMailWatch");
    assertThat(watch.path("endedHow").asText()).isEqualTo("PERIOD_OVER");
    assertThat(watch.path("checks").asInt()).isEqualTo(2);
    assertThat(watch.path("mailboxes").findValuesAsText("emailAddress"))
        .containsExactlyElementsOf(USERS);
    assertThat(watch.path("mailboxes").findValues("messagesCopied"))
        .extracting(JsonNode::asLong)
        .containsExactly(0L, 1L);
    Fidelity.Result comparison =
        Fidelity.compare(source.kit(), target.kit(), String.join(",", USERS));
    assertThat(comparison.identical()).as(comparison.output()).isTrue();
    RecordSet mx = zone().read(DOMAIN, RecordType.MX).known().orElseThrow().orElseThrow();
    assertThat(mx.values()).containsExactly("10 mx.target.contoso.test.");
    assertThat(mx.ttl()).isEqualTo(86400);
    List<String> recipients =
        java.util.Arrays.stream(smtp.getReceivedMessages())
            .map(FullMigrationIT::recipient)
            .toList();
    for (String user : USERS) {
      assertThat(recipients.stream().filter(user::equals))
          .as("%s gets the announcement and the welcome letter, each once", user)
          .hasSize(2);
    }
  }

  private String register() throws Exception {
    Map<String, Object> source = endpoint(FullMigrationIT.source.port());
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "IMAP");
    target.put("endpoint", endpoint(FullMigrationIT.target.port()));
    target.put("mxHosts", List.of("10 mx.target.contoso.test"));
    Map<String, Object> dnsSettings = new LinkedHashMap<>();
    dnsSettings.put("mode", "AUTOMATIC");
    dnsSettings.put("provider", "rfc2136");
    dnsSettings.put("zone", DOMAIN);
    dnsSettings.put("server", "127.0.0.1:" + dns.port());
    dnsSettings.put("credentials", "cutover-full:hmac-sha256:" + TSIG_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", DOMAIN);
    body.put("batchName", "contoso-all");
    body.put("mailboxes", USERS.stream().map(u -> Map.of("emailAddress", u)).toList());
    body.put("source", source);
    body.put("target", target);
    body.put("dns", dnsSettings);
    body.put("language", "da");
    body.put("autoStartBatch", true);
    // no incremental pass after the initial sync: only the final sweep can copy later mail
    body.put("durations", Map.of("incrementalSyncCycle", "P30D", "finalWait", "PT72H"));
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
    endpoint.put("auth", "DELEGATED_ADMIN");
    endpoint.put("adminUser", "admin");
    endpoint.put("password", "admin-pass");
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

  private static Rfc2136Zone zone() {
    return new Rfc2136Zone(DOMAIN, dns.nameServer(), KEY, java.time.Duration.ofSeconds(30));
  }

  private static String zoneFile() {
    return """
        $TTL 3600
        @       IN SOA  ns1.%1$s. hostmaster.%1$s. ( 2026030101 3600 900 604800 300 )
                IN NS   ns1.%1$s.
                86400 IN MX 10 mail.%1$s.
                86400 IN MX 20 backup-mail.%1$s.
                IN TXT  "v=spf1 mx -all"
        ns1     IN A    127.0.0.1
        mail    IN A    192.0.2.25
        """
        .formatted(DOMAIN);
  }

  private static jakarta.mail.Store imap(int port, String user) throws Exception {
    java.util.Properties properties = new java.util.Properties();
    properties.put("mail.imap.host", "127.0.0.1");
    properties.put("mail.imap.port", String.valueOf(port));
    jakarta.mail.Store store = jakarta.mail.Session.getInstance(properties).getStore("imap");
    store.connect(user, "pass-" + user);
    return store;
  }

  private static void deliverToSource(String user, String messageId) {
    try (jakarta.mail.Store store = imap(source.port(), user)) {
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      MimeMessage late =
          new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      late.setFrom("late.sender@fabrikam.test");
      late.setRecipients(jakarta.mail.Message.RecipientType.TO, user);
      late.setSubject("Sent after the MX swap to the old server");
      late.setText("A sender's resolver still held the old MX record.");
      late.saveChanges();
      inbox.appendMessages(new jakarta.mail.Message[] {late});
    } catch (Exception e) {
      throw new IllegalStateException("could not deliver to the source", e);
    }
  }

  private static List<String> inboxMessageIds(int port, String user) throws Exception {
    try (jakarta.mail.Store store = imap(port, user)) {
      jakarta.mail.Folder inbox = store.getFolder("INBOX");
      inbox.open(jakarta.mail.Folder.READ_ONLY);
      List<String> ids = new java.util.ArrayList<>();
      for (jakarta.mail.Message message : inbox.getMessages()) {
        String[] id = message.getHeader("Message-ID");
        if (id != null) {
          ids.add(id[0]);
        }
      }
      inbox.close(false);
      return ids;
    }
  }

  private static String recipient(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Adds a login to a bench-kit Dovecot; with {@code sameMailAs} it shares that user's mail. */
  private static void addAccount(DovecotServer server, String login, String sameMailAs)
      throws IOException {
    Files.writeString(
        server.dir().resolve("users"),
        login + ":{PLAIN}pass-" + login + "::::::\n",
        java.nio.file.StandardOpenOption.APPEND);
    if (sameMailAs != null) {
      Files.createSymbolicLink(server.dir().resolve("mail").resolve(login), Path.of(sameMailAs));
    }
  }
}
