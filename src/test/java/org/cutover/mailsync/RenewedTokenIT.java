package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cutover.mailsync.oauth.ClientCredentialsTokens;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.OAuthTokenServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XOAUTH2 logins against a Dovecot whose oauth2 passdb asks a token server on every login whether
 * the token is still active: tokens that live a few seconds are renewed from the client credentials
 * token endpoint before a connection needs them, and a token the server refuses is replaced once.
 */
class RenewedTokenIT {

  private static final String CLIENT = "cutover-app";
  private static final String SECRET = "app-secret";

  @TempDir Path work;

  private OAuthTokenServer tokens;
  private DovecotServer server;

  @BeforeEach
  void start() {
    tokens = OAuthTokenServer.start(CLIENT, SECRET, "user1", Duration.ofSeconds(4));
    server =
        DovecotServer.start(
            work.resolve("srv"),
            DovecotOptions.defaults()
                .withUsers(2)
                .withOAuth2Introspection(tokens.introspectionUrl()));
    try (TestImap user1 = TestImap.open(server, "user1")) {
      for (String folder : new String[] {"INBOX", "Sent", "Archive"}) {
        for (int i = 1; i <= 3; i++) {
          user1.append(
              folder,
              ("Subject: "
                  + folder
                  + " "
                  + i
                  + "\r\nMessage-ID: <"
                  + folder
                  + i
                  + "@token.test>\r\n\r\nbody\r\n"),
              "",
              null);
        }
      }
    }
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

  private ClientCredentialsTokens tokenSource() {
    return new ClientCredentialsTokens(
        URI.create(tokens.tokenUrl()), CLIENT, SECRET::toCharArray, null, Clock.systemUTC());
  }

  private SourceAccount oauthSource(ClientCredentialsTokens source) {
    return new SourceAccount(server.plaintext(), ImapLogin.oauth2("user1", source), "user1");
  }

  @Test
  void aPassLongerThanATokensLifeCompletesOnARenewedToken() {
    AtomicBoolean waited = new AtomicBoolean();
    // After the first folder the pass waits until the token it logged in with has expired, so the
    // rest of the pass needs a token the server has not seen yet.
    SyncProgressListener outliveTheFirstToken =
        progress -> {
          if (progress.foldersDone() >= 1 && waited.compareAndSet(false, true)) {
            String first = tokens.issued().get(0);
            await().atMost(Duration.ofSeconds(30)).until(() -> tokens.expired(first));
          }
        };

    SyncOutcome outcome =
        new MailboxSynchronizer()
            .sync(
                "user1-to-user2",
                oauthSource(tokenSource()),
                server.target("user2"),
                SyncOptions.defaults().toBuilder().parallelFolders(1).build(),
                new InMemorySyncStateStore(),
                outliveTheFirstToken);

    assertThat(outcome).as(outcome.toString()).isInstanceOf(SyncOutcome.Synced.class);
    assertThat(outcome.statistics().messagesCopied()).isEqualTo(9);
    assertThat(waited).isTrue();
    assertThat(tokens.issued()).hasSizeGreaterThanOrEqualTo(2);
    // Dovecot let in a token issued after the first had expired, and never an expired one.
    assertThat(tokens.accepted()).contains(tokens.issued().get(tokens.issued().size() - 1));
    assertThat(tokens.accepted()).contains(tokens.issued().get(0));
    assertThat(tokens.refused()).isEmpty();
  }

  @Test
  void aLoginRefusedWithARevokedTokenIsRetriedOnceWithARenewedOne() {
    // Long enough that the server's delay after a failed login does not outlast the new token.
    tokens.lifetime(Duration.ofMinutes(2));
    ClientCredentialsTokens source = tokenSource();
    String cached = source.accessToken("user1");
    // The provider withdraws the token while the client still believes it valid.
    tokens.revokeAll();

    SyncOutcome outcome =
        new MailboxSynchronizer()
            .sync(
                "user1-to-user2",
                oauthSource(source),
                server.target("user2"),
                SyncOptions.defaults().toBuilder().parallelFolders(1).build(),
                new InMemorySyncStateStore(),
                SyncProgressListener.NONE);

    assertThat(outcome)
        .as(
            outcome
                + " issued "
                + tokens.issued()
                + " refused "
                + tokens.refused()
                + " accepted "
                + tokens.accepted())
        .isInstanceOf(SyncOutcome.Synced.class);
    assertThat(outcome.statistics().messagesCopied()).isEqualTo(9);
    assertThat(tokens.refused()).containsExactly(cached);
    assertThat(tokens.accepted()).isNotEmpty().doesNotContain(cached);
  }

  @Test
  void aTokenTheServerRefusesAfterRenewalFailsTheLoginWithoutASecret() {
    OAuthTokenServer other =
        OAuthTokenServer.start(CLIENT, SECRET, "user1", Duration.ofSeconds(60));
    try {
      // Tokens from an authorization server the IMAP server does not trust are refused every time.
      ClientCredentialsTokens foreign =
          new ClientCredentialsTokens(
              URI.create(other.tokenUrl()), CLIENT, SECRET::toCharArray, null, Clock.systemUTC());

      SyncOutcome outcome =
          new MailboxSynchronizer()
              .sync(
                  "user1-to-user2",
                  oauthSource(foreign),
                  server.target("user2"),
                  SyncOptions.defaults(),
                  new InMemorySyncStateStore(),
                  SyncProgressListener.NONE);

      assertThat(outcome).isNotInstanceOf(SyncOutcome.Synced.class);
      assertThat(other.issued()).hasSize(2);
      assertThat(outcome.toString())
          .contains("XOAUTH2 login as 'user1'")
          .doesNotContain(SECRET)
          .doesNotContain(other.issued().get(0));
    } finally {
      other.close();
    }
  }

  @Test
  void aWrongClientSecretSaysWhatTheTokenEndpointAnswered() {
    ClientCredentialsTokens wrong =
        new ClientCredentialsTokens(
            URI.create(tokens.tokenUrl()), CLIENT, "nope"::toCharArray, null, Clock.systemUTC());

    SyncOutcome outcome =
        new MailboxSynchronizer()
            .sync(
                "user1-to-user2",
                oauthSource(wrong),
                server.target("user2"),
                SyncOptions.defaults(),
                new InMemorySyncStateStore(),
                SyncProgressListener.NONE);

    assertThat(outcome).isNotInstanceOf(SyncOutcome.Synced.class);
    assertThat(outcome.toString())
        .contains("invalid_client")
        .contains("check the client id, the client secret")
        .doesNotContain("nope");
  }
}
