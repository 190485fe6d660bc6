package org.cutover.dns.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.cutover.dns.DnsZoneSetting;
import org.cutover.dns.DnsZoneSettings;
import org.junit.jupiter.api.Test;

class Rfc2136ZoneProviderTest {

  private static final String SECRET = "c2VjcmV0LWRucy1rZXk=";

  private final Rfc2136ZoneProvider provider = new Rfc2136ZoneProvider(Duration.ofSeconds(2));

  private static DnsZoneSettings settings(String credential) {
    return new DnsZoneSettings("contoso.com", "127.0.0.1:5353", () -> credential);
  }

  @Test
  void needsTheServerAndTheKey() {
    assertThat(provider.name()).isEqualTo("rfc2136");
    assertThat(provider.required())
        .containsExactlyInAnyOrder(DnsZoneSetting.SERVER, DnsZoneSetting.CREDENTIAL);
  }

  @Test
  void takesTheKeyInEitherOrder() {
    assertThat(provider.check(settings("cutover-key:hmac-sha256:" + SECRET))).isEmpty();
    assertThat(provider.check(settings("HMAC-SHA512:cutover-key:" + SECRET))).isEmpty();
    assertThat(TsigKeyText.parse(" hmac-sha1 : cutover-key : " + SECRET))
        .contains(new TsigKeyText("cutover-key", "hmac-sha1"));
  }

  @Test
  void refusesWhatIsNoTsigKeyWithoutRepeatingIt() {
    for (String text :
        new String[] {
          "hunter2",
          "cutover-key:hmac-sha256",
          "cutover-key:hmac-sha999:" + SECRET,
          "hmac-sha256:hmac-sha1:" + SECRET,
          "cutover-key:hmac-sha256:not base64!",
          "cutover-key:hmac-sha256:" + SECRET + ":extra"
        }) {
      assertThat(provider.check(settings(text)))
          .as(text)
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.setting()).isEqualTo(DnsZoneSetting.CREDENTIAL);
                assertThat(problem.messageKey()).isEqualTo("cutover.dns.tsig");
                assertThat(problem.arguments()).noneMatch(argument -> argument.contains(text));
              });
    }
  }

  @Test
  void opensAZoneAtTheServerWithTheKeysNameAndAlgorithm() {
    String described = provider.open(settings("cutover-key:hmac-sha384:" + SECRET)).describe();

    assertThat(described)
        .contains("contoso.com.")
        .contains("127.0.0.1")
        .contains("cutover-key.")
        .contains("hmac-sha384")
        .doesNotContain(SECRET);
  }

  @Test
  void refusesToOpenWithWhatIsNoTsigKey() {
    assertThatThrownBy(() -> provider.open(settings("hunter2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a TSIG key")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
  }
}
