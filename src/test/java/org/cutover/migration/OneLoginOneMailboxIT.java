package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

/**
 * The marker-message case on real Dovecot servers: anna's source INBOX holds a marker message, and
 * a batch of anna, bo and carl is set to the source's PLAIN login as anna. Registering it is
 * refused; a migration stored that way anyway (before the rule existed) fails bo's and carl's
 * mailboxes with the reason before anything is copied, and only anna's own target INBOX ever
 * receives the marker.
 */
class OneLoginOneMailboxIT {

  private static final String DOMAIN = "contoso.test";
  private static final String ANNA = "anna@" + DOMAIN;
  private static final List<String> USERS = List.of(ANNA, "bo@" + DOMAIN, "carl@" + DOMAIN);
  private static final String MARKER = "Marker " + UUID.randomUUID();

  @TempDir Path work;

  private final List<DovecotServer> servers = new ArrayList<>();
  private DovecotServer source;
  private DovecotServer target;
  private MigrationStore store;
  private JdbcClient jdbc;
  private JdbcDataSource dataSource;
  private final Map<String, String> secrets = new HashMap<>();

  @BeforeEach
  void startServers() throws Exception {
    source = DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(1));
    servers.add(source);
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(1));
    servers.add(target);
    for (String user : USERS) {
      addAccount(work.resolve("source"), user);
      addAccount(work.resolve("target"), user);
    }
    appendMarker(source.port(), ANNA);
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:one-login-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    Flyway.configure()
        .dataSource(ds)
        .locations("classpath:db/migration")
        .table("cutover_schema_history")
        .load()
        .migrate();
    dataSource = ds;
    jdbc = JdbcClient.create(ds);
    store = new MigrationStore(jdbc, new JdbcTemplate(ds));
  }

  @AfterEach
  void stopServers() {
    DovecotServer.stopAll(servers);
  }

  @Test
  void theAdminsPlainLoginForSeveralMailboxesIsRefusedAndNoMarkerReachesAnotherUser()
      throws Exception {
    NewMigration settings = migration();
    LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
    validator.afterPropertiesSet();
    try {
      assertThat(MigrationSamples.validation(validator, mock(SecretStore.class)).problems(settings))
          .extracting(SettingsProblem::path)
          .containsExactly("$.source.auth");
    } finally {
      validator.close();
    }

    // Stored as it would have been before the rule: the sync engine itself must refuse.
    String migrationId =
        store.insert(
            settings,
            new MigrationStore.Credentials(
                credential("pass-" + ANNA), null, credential("admin-pass"), null),
            Instant.now());
    RecordingMailboxSyncRunner runner = runner();
    Map<String, String> mailboxIds = new HashMap<>();
    store.mailboxes(migrationId).forEach(m -> mailboxIds.put(m.emailAddress(), m.id()));

    for (String other : List.of("bo@" + DOMAIN, "carl@" + DOMAIN)) {
      assertThatThrownBy(
              () -> runner.run(mailboxIds.get(other), SyncMode.INITIAL, HeldTaskLock.HELD))
          .isInstanceOf(StepNeedsAdministrator.class)
          .hasMessageContaining("opens the mailbox of '" + ANNA + "', not of '" + other + "'")
          .hasMessageContaining("nothing was copied");
      MailboxState failed = store.mailbox(mailboxIds.get(other)).orElseThrow();
      assertThat(failed.status()).isEqualTo(MailboxStatus.FAILED);
      assertThat(failed.lastError()).contains("opens the mailbox of '" + ANNA + "'");
    }
    // anna's own mailbox is what the PLAIN login opens: that copy is right.
    assertThat(runner.run(mailboxIds.get(ANNA), SyncMode.INITIAL, HeldTaskLock.HELD).succeeded())
        .isTrue();

    assertThat(inboxSubjects(target.port(), ANNA)).containsExactly(MARKER);
    assertThat(inboxSubjects(target.port(), "bo@" + DOMAIN)).isEmpty();
    assertThat(inboxSubjects(target.port(), "carl@" + DOMAIN)).isEmpty();
  }

  private NewMigration migration() {
    return new NewMigration(
        DOMAIN,
        "wave-1",
        USERS.stream().map(user -> new MailboxEntry(user, null, null)).toList(),
        new ImapEndpoint(
            "127.0.0.1",
            source.port(),
            ConnectionSecurity.PLAINTEXT,
            true,
            ImapAuth.PLAIN,
            ANNA,
            SecretText.of("pass-" + ANNA),
            null,
            null,
            null),
        new TargetSettings(
            TargetType.IMAP,
            null,
            null,
            null,
            null,
            null,
            null,
            new ImapEndpoint(
                "127.0.0.1",
                target.port(),
                ConnectionSecurity.PLAINTEXT,
                true,
                ImapAuth.DELEGATED_ADMIN,
                "admin",
                SecretText.of("admin-pass"),
                null,
                null,
                null),
            List.of("10 mail.target." + DOMAIN)),
        new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, null, null),
        "en",
        false,
        null);
  }

  private RecordingMailboxSyncRunner runner() {
    SecretStore secretStore = mock(SecretStore.class);
    when(secretStore.get(any()))
        .thenAnswer(call -> secrets.get(((SecretRef) call.getArgument(0)).id()).toCharArray());
    ImapMailboxSyncEngine engine =
        new ImapMailboxSyncEngine(
            store,
            secretStore,
            new MailboxSynchronizer(),
            new EndpointTester(),
            new JdbcSyncStateStore(dataSource),
            new MailSyncProperties(
                DataSize.ofMegabytes(150),
                50,
                null,
                org.cutover.mailsync.DeletedOnSource.KEEP_ON_TARGET,
                2,
                null,
                null,
                null,
                null),
            new StaticListableBeanFactory().getBeanProvider(TargetImapAccess.class),
            new StaticListableBeanFactory().getBeanProvider(ImapMailboxPreflight.class));
    var noClock = new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class);
    return new RecordingMailboxSyncRunner(
        jdbc,
        new StaticListableBeanFactory(Map.of("mailSync", engine))
            .getBeanProvider(MailboxSyncEngine.class),
        new MailboxLeases(jdbc, noClock, java.time.Duration.ofMinutes(2)),
        new EndpointTurns(
            new PassServers(store),
            new EndpointSlots(jdbc, noClock, java.time.Duration.ofMinutes(2)),
            new EndpointBackOffs(
                jdbc, noClock, java.time.Duration.ofSeconds(30), java.time.Duration.ofMinutes(15)),
            java.time.Duration.ofMinutes(1),
            java.time.Duration.ofSeconds(30)),
        new PassProgressLog(jdbc, noClock, java.time.Duration.ofSeconds(3)),
        new org.cutover.migration.reports.PassRecords(jdbc, noClock),
        noClock);
  }

  private SecretRef credential(String secret) {
    SecretRef ref = new SecretRef(UUID.randomUUID().toString());
    secrets.put(ref.id(), secret);
    return ref;
  }

  /** A login of its own with its own mail on a bench-kit Dovecot (password pass-LOGIN). */
  private static void addAccount(Path serverDir, String login) throws IOException {
    Files.writeString(
        serverDir.resolve("users"),
        login + ":{PLAIN}pass-" + login + "::::::\n",
        StandardOpenOption.APPEND);
  }

  private static void appendMarker(int port, String user) throws MessagingException {
    Session session = Session.getInstance(new Properties());
    byte[] raw =
        ("From: "
                + user
                + "\r\nTo: "
                + user
                + "\r\nSubject: "
                + MARKER
                + "\r\n"
                + "Message-ID: <"
                + UUID.randomUUID()
                + "@"
                + DOMAIN
                + ">\r\n\r\nOnly for "
                + user
                + ".\r\n")
            .getBytes(StandardCharsets.US_ASCII);
    try (Store imap = session.getStore("imap")) {
      imap.connect("127.0.0.1", port, user, "pass-" + user);
      Folder inbox = imap.getFolder("INBOX");
      MimeMessage marker = new MimeMessage(session, new ByteArrayInputStream(raw));
      marker.setFlags(new Flags(Flags.Flag.SEEN), true);
      inbox.appendMessages(new Message[] {marker});
    }
  }

  private static List<String> inboxSubjects(int port, String user) throws MessagingException {
    Session session = Session.getInstance(new Properties());
    try (Store imap = session.getStore("imap")) {
      imap.connect("127.0.0.1", port, user, "pass-" + user);
      Folder inbox = imap.getFolder("INBOX");
      inbox.open(Folder.READ_ONLY);
      List<String> subjects = new ArrayList<>();
      for (Message message : inbox.getMessages()) {
        subjects.add(message.getSubject());
      }
      inbox.close(false);
      return subjects;
    }
  }
}
