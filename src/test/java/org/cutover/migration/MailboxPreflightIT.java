package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
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

    List<MailboxCheck> failing = engine(reports).checkMailboxes(migrationId);

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
    assertThat(engine(reports).checkMailboxes(migrationId)).isEmpty();
    assertThat(reports.report(migrationId))
        .filteredOn(MailboxCheck::excluded)
        .extracting(MailboxCheck::emailAddress)
        .containsExactly("user3", "ghost");
  }

  @Test
  void aWrongAdminPasswordIsReportedForEveryMailboxAsThePassword() {
    String migrationId = migration("not-the-password");

    List<MailboxCheck> failing = engine(reports()).checkMailboxes(migrationId);

    assertThat(failing).hasSize(4);
    assertThat(failing)
        .allSatisfy(
            check ->
                assertThat(check.problem())
                    .startsWith("source: the login was refused for every mailbox")
                    .contains("check the admin user and its password")
                    .doesNotContain("not-the-password"));
  }

  private String migration(String sourcePassword) {
    NewMigration settings =
        new NewMigration(
            "contoso.test",
            "wave-1",
            List.of("user1", "user2", "user3", "ghost").stream()
                .map(user -> new MailboxEntry(user, null, null))
                .toList(),
            endpoint(source.port(), sourcePassword),
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
    return store.insert(
        settings,
        new MigrationStore.Credentials(
            credential(sourcePassword), null, credential("admin-pass"), null),
        Instant.now());
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
            null),
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
