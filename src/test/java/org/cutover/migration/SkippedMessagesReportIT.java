package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
import org.cutover.migration.reports.FolderReconciliation;
import org.cutover.migration.reports.MailboxReport;
import org.cutover.migration.reports.MigrationReport;
import org.cutover.migration.reports.MigrationReports;
import org.cutover.migration.reports.PassRecords;
import org.cutover.migration.reports.ReportCsv;
import org.cutover.migration.reports.SkippedMessage;
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

/**
 * A pass on real Dovecot servers where the target refuses messages over 40 KiB (its quota plugin's
 * {@code quota_max_mail_size}) and Cutover's own limit is 200 KiB: the refused message and the one
 * over the limit are recorded with their Message-ID, subject and reason, the mailbox is synced with
 * errors and verified, and its report stays after the batch is deleted and the migration has
 * completed, until the reports are deleted.
 */
class SkippedMessagesReportIT {

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
    ds.setURL("jdbc:h2:mem:skipped-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
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
  void refusedAndOversizedMessagesAreRecordedAndTheReportOutlivesTheBatch() throws Exception {
    deliver("<small-1@contoso.test>", "Hello", 2_000);
    deliver("<refused@contoso.test>", "Quarterly figures", 60_000);
    deliver("<huge@contoso.test>", "Holiday photos", 300_000);
    deliver("<small-2@contoso.test>", "Lunch", 3_000);
    String migrationId = migration();
    String mailboxId = store.mailboxes(migrationId).get(0).id();

    MailboxSyncReport pass = runner().run(mailboxId, SyncMode.INITIAL, HeldTaskLock.HELD);

    assertThat(pass.succeeded()).isTrue();
    assertThat(pass.messagesCopied()).isEqualTo(2);
    assertThat(pass.status()).isEqualTo(MailboxStatus.SYNCED_WITH_ERRORS);
    assertThat(store.mailbox(mailboxId).orElseThrow().status())
        .isEqualTo(MailboxStatus.SYNCED_WITH_ERRORS);
    MailboxReport mailbox = reports().mailbox(migrationId, USER).orElseThrow();
    assertThat(mailbox.status()).isEqualTo("SYNCED_WITH_ERRORS");
    assertThat(mailbox.itemsSynced()).isEqualTo(2);
    assertThat(mailbox.itemsSkipped()).isEqualTo(2);
    assertThat(mailbox.rejectedByTarget()).isEqualTo(1);
    assertThat(mailbox.badItemLimit()).isEqualTo(50);
    assertThat(mailbox.skipped())
        .extracting(SkippedMessage::messageId, SkippedMessage::subject, SkippedMessage::reason)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "<refused@contoso.test>", "Quarterly figures", "REJECTED_BY_TARGET"),
            org.assertj.core.groups.Tuple.tuple(
                "<huge@contoso.test>", "Holiday photos", "TOO_LARGE"));
    SkippedMessage refused =
        mailbox.skipped().stream()
            .filter(s -> s.reason().equals("REJECTED_BY_TARGET"))
            .findFirst()
            .orElseThrow();
    assertThat(refused.detail()).startsWith("NO [LIMIT] Mail size is larger than the maximum size");
    assertThat(refused.folder()).isEqualTo("INBOX");
    assertThat(refused.size()).isGreaterThan(60_000);
    assertThat(refused.date()).isNotNull();
    assertThat(mailbox.error())
        .isEqualTo("2 messages not copied: 1 refused by the target, 1 over the size limit")
        .satisfies(e -> assertThat(e).isNotNull());
    FolderReconciliation inbox =
        mailbox.folders().stream()
            .filter(f -> f.folder().equals("INBOX"))
            .findFirst()
            .orElseThrow();
    assertThat(inbox.sourceMessages()).isEqualTo(4);
    assertThat(inbox.targetMessages()).isEqualTo(2);
    assertThat(inbox.recordedMessages()).isEqualTo(2);
    assertThat(inbox.skippedMessages()).isEqualTo(2);
    assertThat(inbox.agrees()).isFalse();
    assertThat(inbox.explained()).isTrue();
    assertThat(inbox.copiedMessages()).isEqualTo(2);
    assertThat(inbox.copiedDigest()).hasSize(64).isNotEqualTo("0".repeat(64));
    assertThat(mailbox.verified()).isTrue();

    // A second pass meets the same two messages again and lists them once.
    runner().run(mailboxId, SyncMode.INCREMENTAL, HeldTaskLock.HELD);
    MailboxReport again = reports().mailbox(migrationId, USER).orElseThrow();
    assertThat(again.itemsSkipped()).isEqualTo(2);
    assertThat(again.folders())
        .filteredOn(f -> f.folder().equals("INBOX"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.copiedMessages()).isEqualTo(2);
              assertThat(f.copiedDigest()).isEqualTo(inbox.copiedDigest());
            });

    batch().deleteBatch(migrationId);
    jdbc.sql("UPDATE migration SET phase = 'COMPLETED' WHERE id = :id")
        .param("id", migrationId)
        .update();

    MigrationReport report = reports().report(migrationId);
    assertThat(report.batchStatus()).isEqualTo("REMOVED");
    assertThat(report.mailboxes())
        .singleElement()
        .extracting(MailboxReport::status)
        .isEqualTo("SYNCED_WITH_ERRORS");
    String csv = ReportCsv.mailboxes(report.mailboxes());
    assertThat(csv.split("\r\n")[0])
        .isEqualTo("EmailAddress,Status,ItemsSynced,ItemsSkipped,Bytes,LastSyncedTime,Error");
    assertThat(csv.split("\r\n")[1]).startsWith("user1,SyncedWithErrors,2,2,");

    assertThat(reports().deleteFinished(migrationId)).isTrue();
    assertThat(reports().mailbox(migrationId, USER).orElseThrow().skipped()).isEmpty();
    assertThat(reports().mailbox(migrationId, USER).orElseThrow().folders()).isEmpty();
  }

  @Test
  void reportsOfARunningMigrationAreNotDeleted() {
    String migrationId = migration();

    assertThat(reports().deleteFinished(migrationId)).isFalse();
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

  private MigrationReports reports() {
    return new MigrationReports(
        jdbc,
        new StaticListableBeanFactory(Map.of("mailSync", properties()))
            .getBeanProvider(MailSyncProperties.class),
        noClock());
  }

  private StoredBatchLifecycle batch() {
    return new StoredBatchLifecycle(
        jdbc,
        new StaticListableBeanFactory().getBeanProvider(MailboxSyncEngine.class),
        secretStore(),
        new StaticListableBeanFactory().getBeanProvider(org.cutover.mailsync.SyncStateStore.class),
        noClock());
  }

  private RecordingMailboxSyncRunner runner() {
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
        noClock());
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
