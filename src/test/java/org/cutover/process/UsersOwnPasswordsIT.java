package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.LoopbackMail;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.KitLogin;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A migration between two real Dovecots that have no master user: every user signs in with the
 * user's own password at the source and at the target, and no admin login is given at either. One
 * user's passwords come as Microsoft's IMAP migration CSV through POST /api/credentials/mailboxes
 * (named by id in the migration), the other's in the migration's JSON. The runbook runs to its end;
 * the test kit's fidelity comparison then finds the mail exact, no password is anywhere a person or
 * a log reader could see it, and the users' passwords are gone with the batch.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@DirtiesContext
@Import(EngineClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class UsersOwnPasswordsIT {

  static final String DOMAIN = "contoso.test";
  static final List<String> USERS = List.of("user1@" + DOMAIN, "user2@" + DOMAIN);
  static final String TSIG_SECRET = "c2VjcmV0LW9mLXRoZS11c2Vycy1vd24tcGFzc3dvcmRz";
  static final TsigKey KEY = new TsigKey("cutover-own", "hmac-sha256", () -> TSIG_SECRET);
  static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-test-password");

  /** Each user's own password, different at the source and the target. */
  static final Map<String, String> SOURCE_PASSWORDS = new LinkedHashMap<>();

  static final Map<String, String> TARGET_PASSWORDS = new LinkedHashMap<>();

  static Path work;
  static DovecotServer source;
  static DovecotServer target;
  static InProcessDnsServer dns;
  static GreenMail smtp;

  @BeforeAll
  static void startServers() throws Exception {
    work = Files.createTempDirectory("cutover-own-passwords");
    source =
        DovecotServer.start(
            work.resolve("source"),
            DovecotOptions.defaults().danish().withSeparator('.').withUsers(2));
    target =
        DovecotServer.start(
            work.resolve("target"), DovecotOptions.defaults().withSeparator('/').withUsers(2));
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(2, 30, 17));
    for (int i = 1; i <= USERS.size(); i++) {
      String user = USERS.get(i - 1);
      // Commas, quotes and blanks at the ends: the CSV must carry them whole.
      SOURCE_PASSWORDS.put(user, " Src," + UUID.randomUUID() + "\"q ");
      TARGET_PASSWORDS.put(user, "Tgt;" + UUID.randomUUID());
      addAccount(source, user, SOURCE_PASSWORDS.get(user), "user" + i);
      addAccount(target, user, TARGET_PASSWORDS.get(user), null);
    }
    withoutMasterUser(source);
    withoutMasterUser(target);
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
    DovecotServer.stopAll(new ArrayList<>(java.util.Arrays.asList(source, target)));
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
  @Autowired SecretStore secrets;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void migratesWithEachUsersOwnPasswordAndShowsNoneOfThem(CapturedOutput log) throws Exception {
    ClockUtil.setCurrentTime(new Date());
    for (DovecotServer server : List.of(source, target)) {
      assertThatThrownBy(() -> signIn(server, USERS.get(0) + "*admin", "admin-pass"))
          .as("no master user opens a mailbox at %s", server.dir())
          .isInstanceOf(AuthenticationFailedException.class);
    }
    StringBuilder seen = new StringBuilder();

    // user1's passwords arrive as Microsoft's CSV and come back as ids.
    String user1 = USERS.get(0);
    String csv =
        "EmailAddress,UserName,Password,TargetUserName,TargetPassword\r\n"
            + user1
            + ","
            + user1
            + ","
            + quoted(SOURCE_PASSWORDS.get(user1))
            + ","
            + user1
            + ","
            + TARGET_PASSWORDS.get(user1)
            + "\r\n";
    String ids =
        mvc.perform(
                post("/api/credentials/mailboxes").with(ADMIN).contentType("text/csv").content(csv))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    seen.append(ids);
    String[] idLine = ids.split("\r\n")[1].split(",", -1);
    String sourceId = idLine[3];
    String targetId = idLine[5];
    assertThat(secrets.describe(new SecretRef(sourceId))).isPresent();

    String id = register(sourceId, targetId, seen);
    JsonNode registered = details(id, seen);
    assertThat(registered.path("mailboxes").findValues("sourcePasswordSet"))
        .extracting(JsonNode::asBoolean)
        .containsExactly(true, true);
    assertThat(registered.path("mailboxes").findValues("targetPasswordSet"))
        .extracting(JsonNode::asBoolean)
        .containsExactly(true, true);
    List<String> userSecrets =
        jdbc.sql(
                "SELECT source_credential_id FROM mailbox WHERE migration_id = :id UNION SELECT"
                    + " target_credential_id FROM mailbox WHERE migration_id = :id")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(userSecrets).hasSize(4).contains(sourceId, targetId);

    String processInstanceId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(id)
            .singleResult()
            .getId();
    new RunbookDriver(engine, syncRunner, defaults).runUntilEnded(processInstanceId);

    JsonNode view = details(id, seen);
    assertThat(view.path("phase").asText()).isEqualTo("COMPLETED");
    assertThat(view.path("batchStatus").asText()).isEqualTo("REMOVED");
    assertThat(view.path("mailboxes").findValues("sourcePasswordSet"))
        .extracting(JsonNode::asBoolean)
        .containsOnly(false);
    KitLogin sourceLogin = (imap, user) -> imap.login(user, SOURCE_PASSWORDS.get(user));
    KitLogin targetLogin = (imap, user) -> imap.login(user, TARGET_PASSWORDS.get(user));
    Fidelity.Result comparison =
        Fidelity.compare(
            new Fidelity.Side("127.0.0.1", source.port(), false, sourceLogin),
            new Fidelity.Side("127.0.0.1", target.port(), false, targetLogin),
            USERS,
            Map.of(),
            true,
            false);
    assertThat(comparison.identical()).as(comparison.output()).isTrue();
    for (String secret : userSecrets) {
      assertThat(secrets.describe(new SecretRef(secret)))
          .as("a user's password is deleted with the batch")
          .isEmpty();
    }

    seen.append(engineHistory(processInstanceId));
    seen.append(log.getAll());
    seen.append(everyRowInClear());
    for (String password : allPasswords()) {
      assertThat(seen.toString())
          .as("REST answers, process variables and history, the log, the database in clear")
          .doesNotContain(password.strip());
    }
  }

  private String register(String sourceId, String targetId, StringBuilder seen) throws Exception {
    String user1 = USERS.get(0);
    String user2 = USERS.get(1);
    Map<String, Object> first = new LinkedHashMap<>();
    first.put("emailAddress", user1);
    first.put("sourceLogin", user1);
    first.put("sourceCredentialId", sourceId);
    first.put("targetCredentialId", targetId);
    Map<String, Object> second = new LinkedHashMap<>();
    second.put("emailAddress", user2);
    second.put("sourcePassword", SOURCE_PASSWORDS.get(user2));
    second.put("targetPassword", TARGET_PASSWORDS.get(user2));
    Map<String, Object> targetSettings = new LinkedHashMap<>();
    targetSettings.put("type", "IMAP");
    targetSettings.put("endpoint", endpoint(target.port()));
    targetSettings.put("mxHosts", List.of("10 mx.target.contoso.test"));
    Map<String, Object> dnsSettings = new LinkedHashMap<>();
    dnsSettings.put("mode", "AUTOMATIC");
    dnsSettings.put("provider", "rfc2136");
    dnsSettings.put("zone", DOMAIN);
    dnsSettings.put("server", "127.0.0.1:" + dns.port());
    dnsSettings.put("credentials", "cutover-own:hmac-sha256:" + TSIG_SECRET);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("domain", DOMAIN);
    body.put("batchName", "own-passwords");
    body.put("mailboxes", List.of(first, second));
    body.put("source", endpoint(source.port()));
    body.put("target", targetSettings);
    body.put("dns", dnsSettings);
    body.put("autoStartBatch", true);
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
    seen.append(created);
    return json.readTree(created).get("id").asText();
  }

  /** Each user signs in with the user's own password: no admin login at all. */
  private static Map<String, Object> endpoint(int port) {
    Map<String, Object> endpoint = new LinkedHashMap<>();
    endpoint.put("host", "127.0.0.1");
    endpoint.put("port", port);
    endpoint.put("security", "PLAINTEXT");
    endpoint.put("allowPlaintext", true);
    endpoint.put("auth", "PLAIN");
    return endpoint;
  }

  private JsonNode details(String id, StringBuilder seen) throws Exception {
    String view =
        mvc.perform(get("/api/migrations/" + id).with(ADMIN))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    seen.append(view);
    return json.readTree(view);
  }

  private String engineHistory(String processInstanceId) {
    StringBuilder history = new StringBuilder();
    for (HistoricVariableInstance variable :
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(processInstanceId)
            .disableCustomObjectDeserialization()
            .list()) {
      history.append(variable.getName()).append('=').append(variable.getValue()).append('\n');
    }
    engine
        .getHistoryService()
        .createHistoricDetailQuery()
        .processInstanceId(processInstanceId)
        .disableCustomObjectDeserialization()
        .list()
        .forEach(detail -> history.append(detail).append('\n'));
    engine
        .getHistoryService()
        .createHistoricIncidentQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(incident -> history.append(incident.getIncidentMessage()).append('\n'));
    engine
        .getHistoryService()
        .createHistoricExternalTaskLogQuery()
        .processInstanceId(processInstanceId)
        .list()
        .forEach(entry -> history.append(entry.getErrorMessage()).append('\n'));
    assertThat(history).as("the engine's history").contains("migrationId");
    return history.toString();
  }

  private String everyRowInClear() {
    StringBuilder everything = new StringBuilder();
    for (String table :
        jdbc.sql(
                "SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'")
            .query(String.class)
            .list()) {
      if (table.startsWith("ACT_GE_BYTEARRAY")) {
        continue; // deployment resources and long variables are read through the engine's API
      }
      for (Map<String, Object> row :
          jdbc.sql("SELECT * FROM \"" + table + "\"").query().listOfRows()) {
        row.values().forEach(value -> everything.append(value).append('\n'));
      }
    }
    assertThat(everything).as("the database").contains(DOMAIN);
    return everything.toString();
  }

  private static List<String> allPasswords() {
    List<String> all = new ArrayList<>(SOURCE_PASSWORDS.values());
    all.addAll(TARGET_PASSWORDS.values());
    return all;
  }

  private static String quoted(String value) {
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void signIn(DovecotServer server, String user, String password) throws Exception {
    try (Store imap = Session.getInstance(new Properties()).getStore("imap")) {
      imap.connect("127.0.0.1", server.port(), user, password);
    }
  }

  /** A login with its own password; on the source it shares the corpus user's mail. */
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

  /** Empties the master-user file: no login may act for another user any more. */
  private static void withoutMasterUser(DovecotServer server) throws IOException {
    Files.writeString(server.dir().resolve("masters"), "", StandardOpenOption.TRUNCATE_EXISTING);
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
