package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.MailCorpus;
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
 * Preflight of every mailbox on real Dovecot servers with a master user: a user the source does not
 * have, a mailbox the target lacks, and a wrong admin password are each named for exactly the
 * mailboxes they concern; the others are reported with their folders, messages and size.
 */
class MailboxPreflightIT {

  @TempDir Path work;

  private final List<DovecotServer> servers = new ArrayList<>();
  private DovecotServer source;
  private DovecotServer target;
  private MigrationStore store;
  private JdbcClient jdbc;
  private JdbcDataSource dataSource;
  private final Map<String, String> secrets = new HashMap<>();

  @BeforeEach
  void startServers() {
    source = DovecotServer.start(work.resolve("source"), DovecotOptions.defaults().withUsers(3));
    servers.add(source);
    target = DovecotServer.start(work.resolve("target"), DovecotOptions.defaults().withUsers(2));
    servers.add(target);
    MailCorpus.fill(source.kit(), MailCorpus.Settings.of(3, 12, 7));
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:preflight-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
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
  void namesExactlyTheMailboxesThatCannotBeMigrated() {
    String migrationId = migration("admin-pass");
    ImapMailboxPreflight reports = reports();

    List<MailboxCheck> failing = engine(reports).checkMailboxes(migrationId, true).failing();

    assertThat(failing).extracting(MailboxCheck::emailAddress).containsExactly("user3", "ghost");
    MailboxCheck user3 = failing.get(0);
    assertThat(user3.problem())
        .startsWith("target: the mailbox cannot be opened")
        .doesNotContain("source:");
    assertThat(user3.sourceMessages()).isPositive();
    assertThat(failing.get(1).problem())
        .startsWith("source: the login for this mailbox was refused")
        .contains("the user does not exist there");
    List<MailboxCheck> report = reports.report(migrationId);
    assertThat(report)
        .extracting(MailboxCheck::emailAddress)
        .containsExactly("user1", "user2", "user3", "ghost");
    MailboxCheck user1 = report.get(0);
    assertThat(user1.problem()).isNull();
    assertThat(user1.sourceFolders()).isGreaterThanOrEqualTo(1);
    assertThat(user1.sourceMessages()).isPositive();
    assertThat(user1.sourceBytes()).isGreaterThan(user1.sourceMessages());

    assertThat(reports.excludeFailing(migrationId)).containsExactly("user3", "ghost");
    assertThat(store.mailboxes(migrationId))
        .extracting(MailboxState::emailAddress)
        .containsExactly("user1", "user2");
    assertThat(engine(reports).checkMailboxes(migrationId, true).failing()).isEmpty();
    assertThat(reports.report(migrationId))
        .filteredOn(MailboxCheck::excluded)
        .extracting(MailboxCheck::emailAddress)
        .containsExactly("user3", "ghost");
  }

  @Test
  void aWrongAdminPasswordIsReportedForEveryMailboxAsThePassword() {
    String migrationId = migration("not-the-password");

    List<MailboxCheck> failing = engine(reports()).checkMailboxes(migrationId, true).failing();

    assertThat(failing).hasSize(4);
    assertThat(failing)
        .allSatisfy(
            check ->
                assertThat(check.problem())
                    .startsWith("source: the login was refused for every mailbox")
                    .contains("check the admin user and its password")
                    .doesNotContain("not-the-password"));
  }

  @Test
  void aRoundCutIntoStepsGoesOnWhereTheLastStepStoppedAndConcludesAtTheEnd() {
    String migrationId = migration("not-the-password");
    // no time at all: each of the two threads (the endpoints' limit) opens one mailbox per step
    ImapMailboxSyncEngine engine = engine(reports(), Duration.ZERO);

    PreflightRound first = engine.checkMailboxes(migrationId, true);

    assertThat(first.unchecked()).isEqualTo(2);
    assertThat(first.failing()).isEmpty();
    assertThat(reports().report(migrationId)).hasSize(2);

    PreflightRound second = engine.checkMailboxes(migrationId, false);

    assertThat(second.over()).isTrue();
    // the refusal for every mailbox is only known at the round's end, across both steps
    assertThat(second.failing())
        .extracting(MailboxCheck::emailAddress)
        .containsExactly("user1", "user2", "user3", "ghost");
    assertThat(second.failing())
        .allSatisfy(
            check ->
                assertThat(check.problem())
                    .startsWith("source: the login was refused for every mailbox"));

    // a new round forgets the last one
    PreflightRound again = engine.checkMailboxes(migrationId, true);
    assertThat(again.unchecked()).isEqualTo(2);
    assertThat(reports().report(migrationId)).hasSize(2);
  }

  @Test
  void namesTheOneMailboxWhoseAclDeniesTheAdmin() throws Exception {
    // Dovecot checks a master user's rights as the master user, not as the mailbox's owner: the
    // admin may open user1's and user3's mailboxes (their INBOX's ACL, which their folders
    // inherit), and user2's gives it no right at all.
    Files.writeString(
        source.config(),
        "mail_plugins = $mail_plugins acl\n"
            + "plugin {\n  acl = vfile\n  acl_defaults_from_inbox = yes\n}\n",
        StandardOpenOption.APPEND);
    for (String user : List.of("user1", "user3")) {
      Files.writeString(
          source.dir().resolve("mail").resolve(user).resolve("Maildir").resolve("dovecot-acl"),
          "owner lrwstipekxa\nuser=admin lrwstipekxa\n");
    }
    source.doveadm("reload");
    String migrationId = migration("admin-pass", List.of("user1", "user2"));

    List<MailboxCheck> failing = engine(reports()).checkMailboxes(migrationId, true).failing();

    assertThat(failing).extracting(MailboxCheck::emailAddress).containsExactly("user2");
    assertThat(failing.get(0).problem())
        .startsWith("source: the admin login signed in but may not open the folder INBOX")
        .contains("give it full access to this mailbox")
        .doesNotContain("target:");
    MailboxCheck user1 = reports().report(migrationId).get(0);
    assertThat(user1.emailAddress()).isEqualTo("user1");
    assertThat(user1.problem()).isNull();
    assertThat(user1.sourceMessages()).isPositive();
  }

  @Test
  void namesTheMailboxTheTargetsQuotaCannotHold() throws Exception {
    // The target's quota (maildir driver, read with GETQUOTAROOT) gives every user 16 KiB, and
    // user2 a gigabyte through its own userdb field.
    Files.writeString(
        target.config(),
        "mail_plugins = $mail_plugins quota\n"
            + "protocol imap {\n  mail_plugins = $mail_plugins imap_quota\n}\n"
            + "plugin {\n  quota = maildir:User quota\n  quota_rule = *:storage=16K\n}\n",
        StandardOpenOption.APPEND);
    Path users = target.dir().resolve("users");
    Files.writeString(
        users,
        Files.readString(users)
            .replace(
                "user2:{PLAIN}pass-user2::::::",
                "user2:{PLAIN}pass-user2::::::userdb_quota_rule=*:storage=1G"));
    target.doveadm("reload");
    String migrationId = migration("admin-pass", List.of("user1", "user2"));

    List<MailboxCheck> failing = engine(reports()).checkMailboxes(migrationId, true).failing();

    assertThat(failing).extracting(MailboxCheck::emailAddress).containsExactly("user1");
    MailboxCheck user1 = failing.get(0);
    assertThat(user1.sourceBytes()).isGreaterThan(16 * 1024L);
    assertThat(user1.targetQuotaFree()).isEqualTo(16 * 1024L);
    assertThat(user1.problem())
        .startsWith("target: the quota allows only 16 KB more, the source mailbox holds ")
        .endsWith("; raise the quota")
        .doesNotContain("source:");
    MailboxCheck user2 = reports().report(migrationId).get(1);
    assertThat(user2.emailAddress()).isEqualTo("user2");
    assertThat(user2.problem()).isNull();
    assertThat(user2.targetQuotaFree()).isEqualTo(1024L * 1024 * 1024);
  }

  @Test
  void theEndpointTestOpensTheFirstMailboxByItsSourceLogin() {
    // No test mailbox: the batch's first mailbox is known by its address on the target, and
    // signs in on the source as user1, its source login, as its passes do.
    NewMigration settings =
        settings(
            List.of(new MailboxEntry("anna@contoso.test", "user1", null)),
            endpoint(source.port(), "admin-pass"));
    String migrationId =
        store.insert(
            settings,
            new MigrationStore.Credentials(
                credential("admin-pass"), null, credential("admin-pass"), null),
            Instant.now());

    engine(reports()).testSourceEndpoint(migrationId);
  }

  @Test
  void aWrongAdminPasswordAtTheEndpointTestIsARefusedLoginOfTheSource() {
    String migrationId = migration("not-the-password", List.of("user1"));

    assertThatThrownBy(() -> engine(reports()).testSourceEndpoint(migrationId))
        .isInstanceOfSatisfying(
            org.cutover.migration.logins.LoginRefused.class,
            refused -> assertThat(refused.side()).isEqualTo(EndpointRole.SOURCE))
        .hasMessageStartingWith("Login refused by the source: ")
        .hasMessageContaining("PUT /api/migrations/{id}/credentials/source")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void aPassRefusedByTheTargetWithTheAdminPasswordIsARefusedLoginOfTheTarget() {
    NewMigration settings =
        settings(
            List.of(new MailboxEntry("user1", null, null)), endpoint(source.port(), "admin-pass"));
    String migrationId =
        store.insert(
            settings,
            new MigrationStore.Credentials(
                credential("admin-pass"), null, credential("changed-since"), null),
            Instant.now());
    String mailboxId = store.mailboxes(migrationId).get(0).id();

    assertThatThrownBy(
            () -> engine(reports()).sync(mailboxId, SyncMode.INITIAL, PassWatch.UNGUARDED))
        .isInstanceOfSatisfying(
            org.cutover.migration.logins.LoginRefused.class,
            refused -> assertThat(refused.side()).isEqualTo(EndpointRole.TARGET))
        .hasMessageStartingWith("Login refused by the target: ")
        .hasMessageContaining("target server")
        .hasMessageNotContaining("changed-since");
  }

  private String migration(String sourcePassword) {
    return migration(sourcePassword, List.of("user1", "user2", "user3", "ghost"));
  }

  private String migration(String sourcePassword, List<String> users) {
    NewMigration settings =
        settings(
            users.stream().map(user -> new MailboxEntry(user, null, null)).toList(),
            endpoint(source.port(), sourcePassword));
    return store.insert(
        settings,
        new MigrationStore.Credentials(
            credential(sourcePassword), null, credential("admin-pass"), null),
        Instant.now());
  }

  private NewMigration settings(List<MailboxEntry> mailboxes, ImapEndpoint sourceEndpoint) {
    return new NewMigration(
        "contoso.test",
        "wave-1",
        mailboxes,
        sourceEndpoint,
        new TargetSettings(
            TargetType.IMAP,
            null,
            null,
            null,
            null,
            null,
            null,
            endpoint(target.port(), "admin-pass"),
            List.of("10 mail.target.contoso.test")),
        new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, null, null),
        "en",
        false,
        null);
  }

  private static ImapEndpoint endpoint(int port, String password) {
    return new ImapEndpoint(
        "127.0.0.1",
        port,
        ConnectionSecurity.PLAINTEXT,
        true,
        ImapAuth.DELEGATED_ADMIN,
        "admin",
        SecretText.of(password),
        null,
        null,
        2);
  }

  private ImapMailboxPreflight reports() {
    return new ImapMailboxPreflight(
        store, jdbc, new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
  }

  private ImapMailboxSyncEngine engine(ImapMailboxPreflight reports) {
    return engine(reports, null);
  }

  /** With {@code stepTime} null, the application's default. */
  private ImapMailboxSyncEngine engine(ImapMailboxPreflight reports, Duration stepTime) {
    SecretStore secretStore = mock(SecretStore.class);
    when(secretStore.get(any()))
        .thenAnswer(call -> secrets.get(((SecretRef) call.getArgument(0)).id()).toCharArray());
    return new ImapMailboxSyncEngine(
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
            stepTime),
        new StaticListableBeanFactory().getBeanProvider(TargetImapAccess.class),
        new StaticListableBeanFactory(Map.of("preflight", reports))
            .getBeanProvider(ImapMailboxPreflight.class));
  }

  private SecretRef credential(String secret) {
    SecretRef ref = new SecretRef(UUID.randomUUID().toString());
    secrets.put(ref.id(), secret);
    return ref;
  }
}
