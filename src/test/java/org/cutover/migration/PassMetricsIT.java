package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
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
import org.cutover.migration.metrics.MailboxStatusGauges;
import org.cutover.migration.metrics.RunbookMetrics;
import org.cutover.migration.reports.PassRecords;
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
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.unit.DataSize;

/**
 * A pass on real Dovecot servers, the target refusing messages over 40 KiB and Cutover's limit at
 * 200 KiB, counted in the runbook's meters: messages and bytes copied, skipped and refused, the
 * pass by mode and outcome; the pass's own log lines about those messages name the migration and
 * mailbox the caller set.
 */
class PassMetricsIT {

  private static final String USER = "user1";

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
    // The target's quota plugin refuses any APPEND of a message over 40 KiB.
    Files.writeString(
        target.config(),
        "mail_plugins = $mail_plugins quota\n"
            + "plugin {\n  quota = maildir:User quota\n  quota_rule = *:storage=0\n"
            + "  quota_max_mail_size = 40k\n}\n",
        StandardOpenOption.APPEND);
    target.doveadm("reload");
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:pass-metrics-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
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
  void aPassIsCountedByMessagesBytesAndOutcome() throws Exception {
    deliver("<small-1@contoso.test>", "Hello", 2_000);
    deliver("<refused@contoso.test>", "Quarterly figures", 60_000);
    deliver("<huge@contoso.test>", "Holiday photos", 300_000);
    deliver("<small-2@contoso.test>", "Lunch", 3_000);
    String migrationId = migration();
    String mailboxId = store.mailboxes(migrationId).get(0).id();
    MeterRegistry registry = new SimpleMeterRegistry();
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    Logger mailsync = (Logger) LoggerFactory.getLogger("org.cutover.mailsync");
    lines.start();
    mailsync.addAppender(lines);

    MailboxSyncReport pass;
    try (MDC.MDCCloseable m = MDC.putCloseable("migrationId", migrationId);
        MDC.MDCCloseable b = MDC.putCloseable("mailboxId", mailboxId)) {
      pass =
          runner(new RunbookMetrics(registry)).run(mailboxId, SyncMode.INITIAL, HeldTaskLock.HELD);
    } finally {
      mailsync.detachAppender(lines);
    }

    assertThat(pass.messagesCopied()).isEqualTo(2);
    assertThat(messages(registry, "copied")).isEqualTo(2);
    assertThat(messages(registry, "skipped")).isEqualTo(1);
    assertThat(messages(registry, "rejected")).isEqualTo(1);
    assertThat(bytes(registry, "copied")).isEqualTo(pass.bytesCopied()).isPositive();
    assertThat(bytes(registry, "skipped")).isGreaterThan(300_000);
    assertThat(bytes(registry, "rejected")).isGreaterThan(60_000).isLessThan(300_000);
    assertThat(
            registry
                .get("cutover.passes")
                .tag("mode", "INITIAL")
                .tag("outcome", "synced_with_errors")
                .timer()
                .count())
        .isEqualTo(1);
    List<ILoggingEvent> aboutMessages =
        lines.list.stream().filter(l -> l.getFormattedMessage().contains("not copied")).toList();
    assertThat(aboutMessages).isNotEmpty();
    assertThat(lines.list)
        .allSatisfy(
            line ->
                assertThat(line.getMDCPropertyMap())
                    .containsEntry("migrationId", migrationId)
                    .containsEntry("mailboxId", mailboxId));

    new MailboxStatusGauges(jdbc, noClock()).bindTo(registry);
    assertThat(
            registry.get("cutover.mailboxes").tag("status", "SYNCED_WITH_ERRORS").gauge().value())
        .isEqualTo(1);
    assertThat(registry.get("cutover.mailboxes").tag("status", "QUEUED").gauge().value()).isZero();

    // The next pass finds nothing new: nothing more is counted, a second pass is.
    runner(new RunbookMetrics(registry)).run(mailboxId, SyncMode.INCREMENTAL, HeldTaskLock.HELD);
    assertThat(messages(registry, "copied")).isEqualTo(2);
    assertThat(registry.get("cutover.passes").tag("mode", "INCREMENTAL").timer().count())
        .isEqualTo(1);
  }

  private static double messages(MeterRegistry registry, String outcome) {
    return registry.get("cutover.messages").tag("outcome", outcome).counter().count();
  }

  private static double bytes(MeterRegistry registry, String outcome) {
    return registry.get("cutover.message.bytes").tag("outcome", outcome).counter().count();
  }

  private void deliver(String messageId, String subject, int bodyBytes) throws Exception {
    Properties properties = new Properties();
    properties.put("mail.imap.host", "127.0.0.1");
    properties.put("mail.imap.port", String.valueOf(source.port()));
    Session session = Session.getInstance(properties);
    try (Store imap = session.getStore("imap")) {
      imap.connect(USER, "pass-" + USER);
      Folder inbox = imap.getFolder("INBOX");
      MimeMessage message =
          new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
              setHeader("Message-ID", messageId);
            }
          };
      message.setFrom("sender@fabrikam.test");
      message.setRecipients(Message.RecipientType.TO, USER + "@contoso.test");
      message.setSubject(subject);
      message.setText(("line of text " + "x".repeat(60) + "\n").repeat(bodyBytes / 74 + 1));
      message.saveChanges();
      inbox.appendMessages(new Message[] {message});
    }
  }

  private String migration() {
    NewMigration settings =
        new NewMigration(
            "contoso.test",
            "wave-1",
            List.of(new MailboxEntry(USER, null, null)),
            endpoint(source.port()),
            new TargetSettings(
                TargetType.IMAP,
                null,
                null,
                null,
                null,
                null,
                null,
                endpoint(target.port()),
                List.of("10 mail.target.contoso.test")),
            new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, null, null),
            "en",
            false,
            null);
    return store.insert(
        settings,
        new MigrationStore.Credentials(
            credential("admin-pass"), null, credential("admin-pass"), null),
        Instant.now());
  }

  private static ImapEndpoint endpoint(int port) {
    return new ImapEndpoint(
        "127.0.0.1",
        port,
        ConnectionSecurity.PLAINTEXT,
        true,
        ImapAuth.DELEGATED_ADMIN,
        "admin",
        SecretText.of("admin-pass"),
        null,
        null,
        2);
  }

  private MailSyncProperties properties() {
    return new MailSyncProperties(
        DataSize.ofKilobytes(200),
        50,
        null,
        org.cutover.mailsync.DeletedOnSource.KEEP_ON_TARGET,
        2,
        null,
        null,
        null,
        null);
  }

  private RecordingMailboxSyncRunner runner(RunbookMetrics metrics) {
    ImapMailboxSyncEngine engine =
        new ImapMailboxSyncEngine(
            store,
            secretStore(),
            new MailboxSynchronizer(),
            new EndpointTester(),
            new JdbcSyncStateStore(dataSource),
            properties(),
            new StaticListableBeanFactory().getBeanProvider(TargetImapAccess.class),
            new StaticListableBeanFactory().getBeanProvider(ImapMailboxPreflight.class));
    return new RecordingMailboxSyncRunner(
        jdbc,
        new StaticListableBeanFactory(Map.of("mailSync", engine))
            .getBeanProvider(MailboxSyncEngine.class),
        new MailboxLeases(jdbc, noClock(), java.time.Duration.ofMinutes(2)),
        new EndpointTurns(
            new PassServers(store),
            new EndpointSlots(jdbc, noClock(), java.time.Duration.ofMinutes(2)),
            new EndpointBackOffs(
                jdbc,
                noClock(),
                java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(15)),
            java.time.Duration.ofMinutes(1),
            java.time.Duration.ofSeconds(30)),
        new PassProgressLog(jdbc, noClock(), java.time.Duration.ofSeconds(3)),
        new PassRecords(jdbc, noClock()),
        noClock(),
        new StaticListableBeanFactory(Map.of("metrics", metrics))
            .getBeanProvider(RunbookMetrics.class));
  }

  private static org.springframework.beans.factory.ObjectProvider<java.time.Clock> noClock() {
    return new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class);
  }

  private SecretStore secretStore() {
    SecretStore secretStore = mock(SecretStore.class);
    when(secretStore.get(any()))
        .thenAnswer(call -> secrets.get(((SecretRef) call.getArgument(0)).id()).toCharArray());
    return secretStore;
  }

  private SecretRef credential(String secret) {
    SecretRef ref = new SecretRef(UUID.randomUUID().toString());
    secrets.put(ref.id(), secret);
    return ref;
  }
}
