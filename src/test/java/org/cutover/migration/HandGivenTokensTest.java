package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.StoredSecret;
import org.junit.jupiter.api.Test;

class HandGivenTokensTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private final Map<String, char[]> stored = new HashMap<>();
  private final SecretStore secrets =
      new SecretStore() {
        @Override
        public SecretRef put(String name, char[] secret) {
          SecretRef ref = new SecretRef(java.util.UUID.randomUUID().toString());
          stored.put(ref.id(), secret.clone());
          return ref;
        }

        @Override
        public char[] get(SecretRef ref) {
          return stored.get(ref.id()).clone();
        }

        @Override
        public Optional<StoredSecret> describe(SecretRef ref) {
          return Optional.empty();
        }

        @Override
        public List<StoredSecret> list() {
          return List.of();
        }

        @Override
        public void delete(SecretRef ref) {
          stored.remove(ref.id());
        }
      };
  private final HandGivenTokens tokens =
      new HandGivenTokens(secrets, Clock.fixed(NOW, ZoneOffset.UTC));

  private static String jwtExpiringAt(Instant exp) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b64.encodeToString(
            ("{\"exp\":" + exp.getEpochSecond() + "}").getBytes(StandardCharsets.UTF_8))
        + ".x";
  }

  private StoredEndpoint endpoint(ImapAuth auth, String token) {
    return new StoredEndpoint(
        "m-1",
        EndpointRole.SOURCE,
        "imap.contoso.com",
        993,
        ConnectionSecurity.IMPLICIT_TLS,
        false,
        auth,
        "migration-admin@contoso.com",
        secrets.put("token", token),
        null,
        20,
        "NEW",
        null,
        MailboxName.ADDRESS,
        false);
  }

  @Test
  void refusesABatchThatTheTokenWouldNotOutlast() {
    StoredEndpoint source =
        endpoint(ImapAuth.XOAUTH2, jwtExpiringAt(NOW.plus(Duration.ofHours(1))));

    assertThatThrownBy(() -> tokens.requireValidFor(source, Duration.ofHours(24)))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("expires at 2026-03-02T09:00:00Z, before the batch can finish")
        .hasMessageContaining("source endpoint imap.contoso.com:993 of migration m-1");
  }

  @Test
  void saysWhenTheTokenHasExpired() {
    StoredEndpoint source = endpoint(ImapAuth.XOAUTH2, jwtExpiringAt(NOW.minusSeconds(1)));

    assertThatThrownBy(() -> tokens.requireValidFor(source, Duration.ZERO))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining("expired at 2026-03-02T07:59:59Z")
        .hasMessageContaining("store a fresh token");
  }

  @Test
  void acceptsATokenThatLastsTheBatch() {
    StoredEndpoint source = endpoint(ImapAuth.XOAUTH2, jwtExpiringAt(NOW.plus(Duration.ofDays(2))));

    assertThatCode(() -> tokens.requireValidFor(source, Duration.ofHours(24)))
        .doesNotThrowAnyException();
  }

  @Test
  void leavesOpaqueTokensAndPasswordsToTheServer() {
    assertThatCode(
            () -> tokens.requireValidFor(endpoint(ImapAuth.XOAUTH2, "opaque"), Duration.ofDays(9)))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                tokens.requireValidFor(
                    endpoint(ImapAuth.DELEGATED_ADMIN, jwtExpiringAt(NOW)), Duration.ofDays(9)))
        .doesNotThrowAnyException();
  }

  @Test
  void neverPutsTheTokenInTheMessage() {
    String token = jwtExpiringAt(NOW.minusSeconds(60));
    assertThatThrownBy(
            () -> tokens.requireValidFor(endpoint(ImapAuth.XOAUTH2, token), Duration.ZERO))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(token));
  }
}
