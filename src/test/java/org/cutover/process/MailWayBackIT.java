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
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cutover.dns.BindServer;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.rfc2136.Rfc2136Zone;
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
 * The way back for mail with nothing faked: a migration between two real Dovecot servers, its DNS
 * changed by RFC 2136 on a real BIND, worked past the MX swap and the batch deletion into the watch
 * for late mail. There users receive mail on the target and flag a migrated message; then the
 * administrator rolls the migration back with {@code POST /api/migrations/{id}/cancel}. The zone
 * holds its original records again, and the test kit's fidelity comparison finds the source holding
 * exactly what the target holds: the new message once, the flag, nothing duplicated, also when the
 * way back had run once before the cancel's own run.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@Import(EngineClockConfiguration.class)
class MailWayBackIT {

  static final String DOMAIN = "contoso.test";
  static final List<String> USERS = List.of("user1@" + DOMAIN, "user2@" + DOMAIN);
  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");
  static final String NEW_ON_TARGET = "<written-on-the-target@" + DOMAIN + ">";
  static final String NEW_AFTER_FIRST_RUN = "<after-a-first-way-back@" + DOMAIN + ">";

  static Path work;
  static DovecotServer source;
  static DovecotServer target;
  static BindServer bind;
  static GreenMail smtp;

  @BeforeAll
  static void startServers() throws Exception {
    work = Files.createTempDirectory("cutover-way-back");
    source = DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(2));
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(2));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(2, 20, 7));
    for (int i = 1; i <= USERS.size(); i++) {
      addAccount(source, USERS.get(i - 1), "user" + i);
      addAccount(target, USERS.get(i - 1), null);
    }
    bind = BindServer.start(work.resolve("bind"), DOMAIN, zoneFile());
    smtp = LoopbackMail.smtp(ServerSetup.PROTOCOL_SMTP);
    smtp.start();
  }

  @AfterAll
  static void stopServers() {
    if (smtp != null) {
      smtp.stop();
    }
    if (bind != null) {
      bind.close();
    }
    DovecotServer.stopAll(new ArrayList<>(java.util.Arrays.asList(source, target)));
  }

  @DynamicPropertySource
  static void servers(DynamicPropertyRegistry properties) {
    properties.add("cutover.dns.authoritative-servers", MailWayBackIT::bindAddress);
    properties.add("cutover.dns.resolvers", MailWayBackIT::bindAddress);
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
  @Autowired org.springframework.context.ApplicationContext context;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aRollbackDuringTheWatchReturnsTheTargetsNewMailToTheSourceOnceAndTheZoneToItsRecords()
      throws Exception {
    ClockUtil.setCurrentTime(new Date());
    RecordSet originalMx = mx();
    assertThat(originalMx.values())
        .containsExactlyInAnyOrder("10 mail.contoso.test.", "20 backup-mail.contoso.test.");
    String id = register();
    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();

    List<String> flaggedOnTarget = new ArrayList<>();
    new RunbookDriver(engine, syncRunner, defaults)
        .beforeTimer(
            "lateMailCheckDue",
            () -> {
              // The watch runs: MX points at the target, and users work there.
              assertThat(mx().values()).containsExactly("10 mx.target.contoso.test.");
              deliverToTarget(USERS.get(0), NEW_ON_TARGET);
              flaggedOnTarget.add(flagFirstMessage(USERS.get(1)));
              assertThat(flaggedOnSourceUnchecked(USERS.get(1)))
                  .as("the flag is set on the target only, before the rollback")
                  .doesNotContainAnyElementsOf(flaggedOnTarget);
              // A way back that ran once already (as a step that copied and was then retried
              // would): the cancel's run copies only what came since, nothing twice.
              assertThat(wayBack().copyBack(id)).isEmpty();
              assertThat(inboxMessageIdsUnchecked(source.port(), USERS.get(0)))
                  .containsOnlyOnce(NEW_ON_TARGET);
              deliverToTarget(USERS.get(0), NEW_AFTER_FIRST_RUN);
              cancel(id);
            })
        .runUntilEnded(processInstanceId);

    JsonNode view = details(id);
    assertThat(view.path("phase").asText()).isEqualTo("CANCELLED");
    assertThat(view.path("lateMailWatch").path("endedHow").asText()).isEqualTo("ROLLED_BACK");
    RecordSet restored = mx();
    assertThat(restored.values()).containsExactlyInAnyOrderElementsOf(originalMx.values());
    assertThat(restored.ttl()).isEqualTo(originalMx.ttl());

    assertThat(inboxMessageIds(source.port(), USERS.get(0)))
        .as("the message users received on the target is on the source, once")
        .containsOnlyOnce(NEW_ON_TARGET)
        .containsOnlyOnce(NEW_AFTER_FIRST_RUN);
    assertThat(flaggedOnSource(USERS.get(1)))
        .as("the flag set on the target is on the source's original")
        .containsAll(flaggedOnTarget);
    Fidelity.Result comparison =
        Fidelity.compare(target.kit(), source.kit(), String.join(",", USERS));
    assertThat(comparison.identical()).as(comparison.output()).isTrue();

    JsonNode perMailbox = view.path("wayBack").path("mailboxes");
    assertThat(perMailbox.findValuesAsText("emailAddress")).containsExactlyElementsOf(USERS);
    assertThat(perMailbox.findValues("messagesCopied"))
        .extracting(JsonNode::asLong)
        .as("two messages came back to user1 over both runs, each once")
        .containsExactly(2L, 0L);
    assertThat(perMailbox.findValues("flagsUpdated"))
        .extracting(JsonNode::asLong)
        .containsExactly(0L, 1L);
    assertThat(perMailbox.findValues("notCopied")).allMatch(JsonNode::isEmpty);

    // The migration is over: a second cancel is refused.
    mvc.perform(
            post("/api/migrations/" + id + "/cancel")
                .with(ADMIN)
                .header("X-Requested-By", "cutover"))
        .andExpect(status().isConflict());
  }

  private org.cutover.migration.wayback.MailWayBack wayBack() {
    return context.getBean(org.cutover.migration.wayback.MailWayBack.class);
  }

  private static List<String> inboxMessageIdsUnchecked(int port, String user) {
    try {
      return inboxMessageIds(port, user);
    } catch (Exception e) {
      throw new IllegalStateException("could not read " + user + " on port " + port, e);
    }
  }

  private static List<String> flaggedOnSourceUnchecked(String user) {
    try {
      return flaggedOnSource(user);
    } catch (Exception e) {
      throw new IllegalStateException("could not read the source", e);
    }
  }

  private String register() throws Exception {
    Map<String, Object> target = new LinkedHashMap<>();
    target.put("type", "IMAP");
    target.put("endpoint", endpoint(MailWayBackIT.target.port()));
    target.put("mxHosts", List.of("10 mx.target.contoso.test"));
    Map<String, Object> dnsSettings = new LinkedHashMap<>();
    dnsSettings.put("mode", "AUTOMATIC");
    dnsSettings.put("provider", "rfc2136");
    dnsSettings.put("zone", DOMAIN);
    dnsSettings.put("server", bindAddress());
    dnsSettings.put(
        "credentials",
        bind.key().name().replaceAll("\\.$", "")
            + ":"
            + bind.key().algorithm()
            + ":"
            + bind.key().secret().get());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", DOMAIN);
    body.put("batchName", "contoso-all");
    body.put("mailboxes", USERS.stream().map(u -> Map.of("emailAddress", u)).toList());
    body.put("source", endpoint(source.port()));
    body.put("target", target);
    body.put("dns", dnsSettings);
    body.put("language", "en");
    body.put("autoStartBatch", true);
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

  private void cancel(String id) {
    try {
      mvc.perform(
              post("/api/migrations/" + id + "/cancel")
                  .with(ADMIN)
                  .header("X-Requested-By", "cutover"))
          .andExpect(status().isAccepted());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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

  private static String bindAddress() {
    return "127.0.0.1:" + bind.server().address().getPort();
  }

  private static RecordSet mx() {
    return new Rfc2136Zone(DOMAIN, bind.server(), bind.key(), java.time.Duration.ofSeconds(30))
        .read(DOMAIN, RecordType.MX)
        .known()
        .orElseThrow()
        .orElseThrow();
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
        backup-mail IN A 192.0.2.26
        mx.target IN A 192.0.2.30
        """
        .formatted(DOMAIN);
  }

  /** Mail that reaches the user on the target after the MX swap. */
  private static void deliverToTarget(String user, String messageId) {
    try (Store store = imap(target.port(), user)) {
      Folder inbox = store.getFolder("INBOX");
      MimeMessage message =
          new MimeMessage(jakarta.mail.Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      message.setFrom("partner@fabrikam.test");
      message.setRecipients(Message.RecipientType.TO, user);
      message.setSubject("Received on the new server");
      message.setText("Delivered to the target after the MX swap.");
      message.saveChanges();
      inbox.appendMessages(new Message[] {message});
    } catch (Exception e) {
      throw new IllegalStateException("could not deliver to the target", e);
    }
  }

  /** Flags the first message of the user's target INBOX and returns its Message-ID. */
  private static String flagFirstMessage(String user) {
    try (Store store = imap(target.port(), user)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_WRITE);
      Message first = inbox.getMessage(1);
      first.setFlag(Flags.Flag.FLAGGED, true);
      String messageId = first.getHeader("Message-ID")[0];
      inbox.close(false);
      return messageId;
    } catch (Exception e) {
      throw new IllegalStateException("could not flag a message on the target", e);
    }
  }

  private static List<String> flaggedOnSource(String user) throws Exception {
    try (Store store = imap(source.port(), user)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<String> ids = new ArrayList<>();
      for (Message message : inbox.getMessages()) {
        if (message.isSet(Flags.Flag.FLAGGED) && message.getHeader("Message-ID") != null) {
          ids.add(message.getHeader("Message-ID")[0]);
        }
      }
      inbox.close(false);
      return ids;
    }
  }

  private static List<String> inboxMessageIds(int port, String user) throws Exception {
    try (Store store = imap(port, user)) {
      Folder inbox = store.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<String> ids = new ArrayList<>();
      for (Message message : inbox.getMessages()) {
        String[] id = message.getHeader("Message-ID");
        if (id != null) {
          ids.add(id[0]);
        }
      }
      inbox.close(false);
      return ids;
    }
  }

  private static Store imap(int port, String user) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.imap.host", "127.0.0.1");
    properties.put("mail.imap.port", String.valueOf(port));
    Store store = jakarta.mail.Session.getInstance(properties).getStore("imap");
    store.connect(user, "pass-" + user);
    return store;
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
