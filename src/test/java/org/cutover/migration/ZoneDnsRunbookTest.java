package org.cutover.migration;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import org.cutover.dns.NameServer;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ZoneDnsRunbook} against the in-process DNS server, changed by RFC 2136 with TSIG; and a
 * Cloudflare zone, whose API is stubbed.
 */
class ZoneDnsRunbookTest extends ZoneDnsRunbookContract {

  @RegisterExtension
  static WireMockExtension cloudflare =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String TOKEN = "cf-token-7f3a9c1e5b";

  static final TsigKey KEY =
      new TsigKey(
          "cutover-test", "hmac-sha256", () -> "q8SxU3Ex8l5IT0uZ6gJSiXqGvsP8Nn3QvJ1p0fJhJxM=");

  private InProcessDnsServer server;

  @Override
  void startServer(String zoneFile) throws Exception {
    server = new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
    server.addZone("example.test", zoneFile);
    server.start();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  NameServer server() {
    return server.nameServer();
  }

  @Override
  TsigKey key() {
    return KEY;
  }

  @Override
  URI cloudflareApi() {
    return URI.create(cloudflare.baseUrl() + "/client/v4");
  }

  @Test
  void aCloudflareZoneIsReadWithTheStoredToken() {
    String bearer = "Bearer " + TOKEN;
    cloudflare.stubFor(
        get(urlPathEqualTo("/client/v4/zones"))
            .withQueryParam("name", equalTo("example.test"))
            .withHeader("Authorization", equalTo(bearer))
            .willReturn(
                okJson(
                    "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"z1\","
                        + "\"name\":\"example.test\"}],\"result_info\":{\"page\":1,"
                        + "\"total_pages\":1}}")));
    cloudflare.stubFor(
        get(urlPathEqualTo("/client/v4/zones/z1/dns_records"))
            .withQueryParam("type", equalTo("MX"))
            .withHeader("Authorization", equalTo(bearer))
            .willReturn(
                okJson(
                    "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":[{\"id\":\"r1\","
                        + "\"name\":\"example.test\",\"type\":\"MX\",\"content\":"
                        + "\"mail.example.test\",\"priority\":10,\"ttl\":300}],"
                        + "\"result_info\":{\"page\":1,\"total_pages\":1}}")));
    String id =
        register(DnsMode.AUTOMATIC, "cloudflare", TargetType.MICROSOFT_365, false, null, TOKEN);

    String done = summary(runbook().lowerMxTtl(id));

    assertThat(done).contains("The MX TTL of example.test. is 300 s");
    cloudflare.verify(
        getRequestedFor(urlPathEqualTo("/client/v4/zones/z1/dns_records"))
            .withHeader("Authorization", equalTo(bearer)));
    assertThat(history.changes(id)).isEmpty();
  }

  @Test
  void aStoredProviderThisCutoverLacksNeedsTheAdministratorNamingTheOnesItHas() {
    String id =
        register(DnsMode.AUTOMATIC, "route53", TargetType.MICROSOFT_365, false, null, TOKEN);

    assertThatThrownBy(() -> runbook().lowerMxTtl(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageContaining(
            "DNS provider 'route53' is not one this Cutover has (cloudflare, rfc2136)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    assertThat(history.changes(id)).isEmpty();
  }

  @Test
  void aStoredCredentialThatCannotBeReadNeedsTheAdministrator() {
    String id = automatic(TargetType.MICROSOFT_365, false, null);
    secrets.delete(store.find(id).orElseThrow().dnsCredential());

    assertThatThrownBy(() -> runbook().lowerMxTtl(id))
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessage(
            "Migration "
                + id
                + ": the stored DNS credential cannot be read (deleted, or stored with another"
                + " cutover.secrets key); restore the key Cutover ran with, or cancel the"
                + " migration and register it again");
  }
}
