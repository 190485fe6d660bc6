package org.cutover.dns.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import org.cutover.dns.DnsSettingProblem;
import org.cutover.dns.DnsZoneSetting;
import org.cutover.dns.DnsZoneSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class CloudflareZoneProviderTest {

  private final CloudflareZoneProvider provider =
      new CloudflareZoneProvider(CloudflareSettings.defaults());

  private static DnsZoneSettings settings(String token) {
    return new DnsZoneSettings("contoso.com", null, () -> token);
  }

  @Test
  void needsOnlyTheToken() {
    assertThat(provider.name()).isEqualTo("cloudflare");
    assertThat(provider.required()).containsExactly(DnsZoneSetting.CREDENTIAL);
  }

  @Test
  void takesATokenAndRefusesATsigKeyOrTextWithBlanks() {
    DnsSettingProblem notAToken =
        DnsSettingProblem.of(DnsZoneSetting.CREDENTIAL, "cutover.dns.cloudflare.token");

    assertThat(provider.check(settings("Xy7_cloudflare-token-123"))).isEmpty();
    assertThat(provider.check(settings("hmac-sha256:key:c2VjcmV0"))).containsExactly(notAToken);
    assertThat(provider.check(settings("two words"))).containsExactly(notAToken);
  }

  @Test
  void opensTheZoneAtTheConfiguredApi() {
    assertThat(provider.open(settings("Xy7_cloudflare-token-123")).describe())
        .isEqualTo("Cloudflare zone contoso.com via https://api.cloudflare.com/client/v4")
        .doesNotContain("Xy7_");
  }

  @Test
  void isABeanConfiguredByItsOwnProperties() {
    new ApplicationContextRunner()
        .withUserConfiguration(CloudflareZoneProvider.class)
        .withPropertyValues(
            "cutover.dns.cloudflare.base-url=http://127.0.0.1:8080/client/v4/",
            "cutover.dns.cloudflare.max-attempts=2")
        .run(
            app -> {
              assertThat(app.getBean(CloudflareSettings.class).maxAttempts()).isEqualTo(2);
              assertThat(
                      app.getBean(CloudflareZoneProvider.class)
                          .open(settings("Xy7_cloudflare-token-123"))
                          .describe())
                  .endsWith("via http://127.0.0.1:8080/client/v4");
            });
    new ApplicationContextRunner()
        .withUserConfiguration(CloudflareZoneProvider.class)
        .withPropertyValues("cutover.dns.cloudflare.max-attempts=0")
        .run(
            app ->
                assertThat(app.getStartupFailure())
                    .hasStackTraceContaining("At least one attempt per Cloudflare request"));
  }
}
