package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.cutover.testsupport.OAuthTokenServer;
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
 * A migration whose source signs in with XOAUTH2 tokens from a token endpoint (client credentials):
 * the endpoint test, the preflight and a pass each log in to a Dovecot that asks the token server
 * whether the token is active, with tokens the engine renews; the stored endpoint keeps where its
 * tokens come from, its client secret only as a credential.
 */
class RenewedSourceTokensIT {

  private static final String CLIENT = "cutover-app";

  @TempDir Path work;

  private OAuthTokenServer tokens;
  private DovecotServer server;
  private MigrationStore store;
  private JdbcClient jdbc;
  private JdbcDataSource dataSource;
  private final Map<String, String> secrets = new HashMap<>();

  @BeforeEach
  void start() {
    tokens = OAuthTokenServer.start(CLIENT, "app-secret", "user1", Duration.ofMinutes(10));
    server =
        DovecotServer.start(
            work.resolve("srv"),
            DovecotOptions.defaults()
                .withUsers(2)
                .withOAuth2Introspection(tokens.introspectionUrl()));
    MailCorpus.fill(server.kit(), MailCorpus.Settings.of(1, 5, 3));
    dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/migration")
        .table("cutover_schema_history")
        .load()
        .migrate();
    jdbc = JdbcClient.create(dataSource);
    store = new MigrationStore(jdbc, new JdbcTemplate(dataSource));
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    if (tokens != null) {
      tokens.close();
    }
  }

  @Test
  void testsChecksAndSyncsTheSourceWithTokensFromTheTokenEndpoint() {
    String migrationId = migration("app-secret");
    ImapMailboxSyncEngine engine = engine();

    assertThat(store.endpoint(migrationId, EndpointRole.SOURCE).orElseThrow().tokenSource())
        .isEqualTo(new ImapEndpoint.TokenSource(tokens.tokenUrl(), CLIENT, "imap"));
    engine.testSourceEndpoint(migrationId);
    assertThat(engine.checkMailboxes(migrationId, true).failing()).isEmpty();
    // The provider withdraws the token the engine holds: the next login renews it once.
    tokens.revokeAll();
    MailboxState mailbox = store.mailboxes(migrationId).get(0);
    MailboxSyncReport report = engine.sync(mailbox.id(), SyncMode.INITIAL, PassWatch.UNGUARDED);

    assertThat(report.error()).isNull();
    assertThat(report.messagesCopied()).isPositive();
    // One token served the endpoint test and the preflight; the pass logged in with a second.
    assertThat(tokens.issued()).hasSize(2);
    assertThat(tokens.refused()).isNotEmpty().containsOnly(tokens.issued().get(0));
    assertThat(tokens.accepted()).contains(tokens.issued().get(1));
  }

  @Test
  void aWrongClientSecretStopsTheEndpointTestWithWhatTheTokenEndpointSaid() {
    String migrationId = migration("not-the-secret");

    assertThatThrownBy(() -> engine().testSourceEndpoint(migrationId))
        .hasMessageContaining("invalid_client")
        .hasMessageNotContaining("not-the-secret");
    assertThat(tokens.issued()).isEmpty();
  }

  private String migration(String clientSecret) {
    ImapEndpoint source =
        new ImapEndpoint(
            "127.0.0.1",
            server.port(),
            ConnectionSecurity.PLAINTEXT,
            true,
            ImapAuth.XOAUTH2,
            "app",
            SecretText.of(clientSecret),
            null,
            "user1",
            2,
            null,
            false,
            new ImapEndpoint.TokenSource(tokens.tokenUrl(), CLIENT, "imap"));
    ImapEndpoint target =
        new ImapEndpoint(
            "127.0.0.1",
            server.port(),
            ConnectionSecurity.PLAINTEXT,
            true,
            ImapAuth.DELEGATED_ADMIN,
            "admin",
            SecretText.of("admin-pass"),
            null,
            null,
            2);
    NewMigration settings =
        new NewMigration(
            "contoso.test",
            "wave-1",
            List.of(new MailboxEntry("user2", "user1", null)),
            source,
            new TargetSettings(
                TargetType.IMAP,
                null,
                null,
                null,
                null,
                null,
                null,
                target,
                List.of("10 mail.target.contoso.test")),
            new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, null, null),
            "en",
            false,
            null);
    return store.insert(
        settings,
        new MigrationStore.Credentials(
            credential(clientSecret), null, credential("admin-pass"), null),
        Instant.now());
  }

  private ImapMailboxSyncEngine engine() {
    SecretStore secretStore = mock(SecretStore.class);
    when(secretStore.get(any()))
        .thenAnswer(call -> secrets.get(((SecretRef) call.getArgument(0)).id()).toCharArray());
    when(secretStore.getString(any()))
        .thenAnswer(call -> secrets.get(((SecretRef) call.getArgument(0)).id()));
    ImapMailboxPreflight reports =
        new ImapMailboxPreflight(
            store, jdbc, new StaticListableBeanFactory().getBeanProvider(java.time.Clock.class));
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
