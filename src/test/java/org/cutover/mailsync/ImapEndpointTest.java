package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ImapEndpointTest {

  @Test
  void refusesPlaintextUnlessAllowedOnPurpose() {
    assertThatThrownBy(
            () ->
                new ImapEndpoint(
                    "mail.example.com",
                    143,
                    ConnectionSecurity.PLAINTEXT,
                    false,
                    null,
                    5,
                    null,
                    null,
                    null,
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mail.example.com:143")
        .hasMessageContaining("unencrypted");
    assertThat(ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", 143).security())
        .isEqualTo(ConnectionSecurity.PLAINTEXT);
  }

  @Test
  void validatesCertificatesByDefault() {
    ImapEndpoint e = ImapEndpoint.implicitTls("mail.example.com", 993);

    assertThat(e.trustStore()).isNull();
    assertThat(e.security()).isEqualTo(ConnectionSecurity.IMPLICIT_TLS);
    assertThat(e.connectTimeout()).isPositive();
  }

  @Test
  void namesTheBadValue() {
    assertThatThrownBy(() -> ImapEndpoint.implicitTls("mail.example.com", 0))
        .hasMessageContaining("got 0");
    assertThatThrownBy(
            () ->
                ImapEndpoint.implicitTls("mail.example.com", 993).toBuilder()
                    .maxConcurrentMailboxes(0)
                    .build())
        .hasMessageContaining("maxConcurrentMailboxes");
    assertThatThrownBy(
            () ->
                ImapEndpoint.implicitTls("h", 993).toBuilder()
                    .timeouts(Duration.ZERO, Duration.ofSeconds(1))
                    .build())
        .hasMessageContaining("connectTimeout");
  }

  @Test
  void aCopyWithChangesKeepsEverythingElse() {
    ImapEndpoint original =
        ImapEndpoint.startTls("mail.example.com", 143).toBuilder()
            .maxConcurrentMailboxes(3)
            .disabledExtensions("multiappend")
            .build();

    ImapEndpoint copy =
        original.toBuilder().timeouts(Duration.ofSeconds(7), null).legacyTls(true).build();

    assertThat(copy)
        .isEqualTo(
            new ImapEndpoint(
                "mail.example.com",
                143,
                ConnectionSecurity.STARTTLS,
                false,
                null,
                3,
                Duration.ofSeconds(7),
                ImapEndpoint.DEFAULT_READ_TIMEOUT,
                java.util.Set.of("MULTIAPPEND"),
                true));
    assertThat(original.legacyTlsAllowed()).isFalse();
  }

  @Test
  void aCopyIsCheckedAsTheRecordIs() {
    assertThatThrownBy(
            () ->
                ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", 143).toBuilder()
                    .maxConcurrentMailboxes(0)
                    .build())
        .hasMessageContaining("maxConcurrentMailboxes");
  }

  @Test
  void writesIpv6AddressesInBrackets() {
    assertThat(ImapEndpoint.implicitTls("::1", 993).address()).isEqualTo("[::1]:993");
  }

  @Test
  void neverShowsSecretsInLogins() {
    ImapLogin login = ImapLogin.delegated("user1", "admin", () -> "s3cret".toCharArray());

    assertThat(login.toString())
        .isEqualTo("administrator admin acting as user1")
        .doesNotContain("s3cret");
    assertThat(new SourceAccount(ImapEndpoint.implicitTls("h", 993), login).toString())
        .doesNotContain("s3cret");
  }
}
