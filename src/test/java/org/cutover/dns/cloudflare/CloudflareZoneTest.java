package org.cutover.dns.cloudflare;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.ZoneRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Cloudflare adapter against stubs shaped like Cloudflare's documented API v4 exchanges. */
class CloudflareZoneTest {

  @RegisterExtension
  static WireMockExtension cloudflare =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TOKEN = "cf-token-0123456789abcdef";
  private static final String ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final String RECORDS = "/client/v4/zones/" + ZONE_ID + "/dns_records";

  private final List<Duration> pauses = new ArrayList<>();

  private CloudflareZone zone() {
    CloudflareSettings settings =
        new CloudflareSettings(
            URI.create(cloudflare.baseUrl() + "/client/v4"),
            Duration.ofSeconds(5),
            3,
            Duration.ofSeconds(30));
    return new CloudflareZone(
        "example.com",
        settings,
        () -> TOKEN,
        HttpClient.newHttpClient(),
        pauses::add,
        Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
  }

  @BeforeEach
  void zoneExists() {
    cloudflare.stubFor(
        get(urlPathEqualTo("/client/v4/zones"))
            .withQueryParam("name", equalTo("example.com"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .willReturn(okJson(zoneList("example.com"))));
  }

  static String zoneList(String name) {
    return """
        {"success":true,"errors":[],"messages":[],
         "result":[{"id":"%s","name":"%s","status":"active","paused":false,"type":"full",
           "development_mode":0,"name_servers":["bob.ns.cloudflare.com","lola.ns.cloudflare.com"],
           "original_name_servers":["ns1.originaldnshost.com"],"original_registrar":null,
           "original_dnshost":null,"created_on":"2014-01-01T05:20:00.12345Z",
           "modified_on":"2014-01-01T05:20:00.12345Z","activated_on":"2014-01-02T00:01:00.12345Z",
           "account":{"id":"01a7362d577a6c3019a474fd6f485823","name":"Demo Account"},
           "owner":{"id":null,"type":"user","email":null},
           "permissions":["#zone:read","#dns_records:edit"]}],
         "result_info":{"page":1,"per_page":20,"total_pages":1,"count":1,"total_count":1}}
        """
        .formatted(ZONE_ID, name);
  }

  static String record(
      String id, String type, String name, String content, long ttl, Integer priority) {
    return """
        {"id":"%s","zone_id":"%s","zone_name":"example.com","name":"%s","type":"%s",
         "content":%s,%s"proxiable":false,"proxied":false,"ttl":%d,"settings":{},"meta":{},
         "comment":null,"tags":[],"created_on":"2014-01-01T05:20:00.12345Z",
         "modified_on":"2014-01-01T05:20:00.12345Z"}
        """
        .formatted(
            id,
            ZONE_ID,
            name,
            type,
            quote(content),
            priority == null ? "" : "\"priority\":" + priority + ",",
            ttl);
  }

  static String list(int page, int totalPages, String... records) {
    return """
        {"success":true,"errors":[],"messages":[],"result":[%s],
         "result_info":{"page":%d,"per_page":100,"count":%d,"total_count":%d,"total_pages":%d}}
        """
        .formatted(String.join(",", records), page, records.length, records.length, totalPages);
  }

  static String single(String record) {
    return "{\"success\":true,\"errors\":[],\"messages\":[],\"result\":" + record + "}";
  }

  static String failure(int code, String message) {
    return """
        {"success":false,"errors":[{"code":%d,"message":"%s"}],"messages":[],"result":null}
        """
        .formatted(code, message);
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private void listing(String type, String name, String state, String nextState, String body) {
    var stub =
        get(urlPathEqualTo(RECORDS))
            .withQueryParam("type", equalTo(type))
            .withQueryParam("name.exact", equalTo(name))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .inScenario("zone")
            .whenScenarioStateIs(state);
    if (nextState != null) {
      stub = stub.willSetStateTo(nextState);
    }
    cloudflare.stubFor(stub.willReturn(okJson(body)));
  }

  private static final String MX_A =
      record("mx-a", "MX", "example.com", "mail.example.com", 3600, 10);
  private static final String MX_B =
      record("mx-b", "MX", "example.com", "backup.example.net", 3600, 20);

  @Test
  void readsOneRecordSetFromSeveralRecords() {
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_A, MX_B));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(read)
        .isEqualTo(
            new ZoneRead.Present(
                RecordSet.of(
                    "example.com",
                    RecordType.MX,
                    3600,
                    "10 mail.example.com.",
                    "20 backup.example.net.")));
  }

  @Test
  void readsEveryPage() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .withQueryParam("page", equalTo("1"))
            .willReturn(okJson(list(1, 2, MX_A))));
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .withQueryParam("page", equalTo("2"))
            .willReturn(okJson(list(2, 2, MX_B))));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(((ZoneRead.Present) read).records().values()).hasSize(2);
  }

  @Test
  void readsQuotedAndOlderUnquotedTxtContent() {
    listing(
        "TXT",
        "example.com",
        Scenario.STARTED,
        null,
        list(
            1,
            1,
            record("t1", "TXT", "example.com", "\"v=spf1 include:_spf.example.net ~all\"", 1, null),
            record("t2", "TXT", "example.com", "MS=ms12345678", 1, null)));

    RecordSet set = ((ZoneRead.Present) zone().read("example.com", RecordType.TXT)).records();

    assertThat(set.texts())
        .containsExactlyInAnyOrder("v=spf1 include:_spf.example.net ~all", "MS=ms12345678");
    assertThat(set.ttl()).isEqualTo(300);
  }

  @Test
  void readsAnAbsentRecordSet() {
    listing("CNAME", "autodiscover.example.com", Scenario.STARTED, null, list(1, 1));

    assertThat(zone().read("autodiscover.example.com", RecordType.CNAME))
        .isInstanceOf(ZoneRead.Absent.class);
  }

  @Test
  void looksTheZoneUpOnce() {
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_A));
    CloudflareZone zone = zone();

    zone.read("example.com", RecordType.MX);
    zone.read("example.com", RecordType.MX);

    cloudflare.verify(1, getRequestedFor(urlPathEqualTo("/client/v4/zones")));
  }

  @Test
  void setsTheTtlOfEveryRecord() {
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_A, MX_B));
    listing(
        "MX",
        "example.com",
        "patched",
        null,
        list(
            1,
            1,
            record("mx-a", "MX", "example.com", "mail.example.com", 300, 10),
            record("mx-b", "MX", "example.com", "backup.example.net", 300, 20)));
    cloudflare.stubFor(
        patch(urlPathEqualTo(RECORDS + "/mx-a"))
            .withRequestBody(equalToJson("{\"ttl\":300}"))
            .willReturn(okJson(single(MX_A))));
    cloudflare.stubFor(
        patch(urlPathEqualTo(RECORDS + "/mx-b"))
            .withRequestBody(equalToJson("{\"ttl\":300}"))
            .inScenario("zone")
            .willSetStateTo("patched")
            .willReturn(okJson(single(MX_B))));
    RecordSet current =
        RecordSet.of(
            "example.com", RecordType.MX, 3600, "10 mail.example.com.", "20 backup.example.net.");

    ZoneChange change = zone().upsert(current.withTtl(300), Optional.of(current));

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.of(current.withTtl(300))));
    cloudflare.verify(2, patchRequestedFor(anyUrl()));
  }

  @Test
  void replacesEveryMxRecordWithTheTargets() {
    String target =
        record("mx-new", "MX", "example.com", "example-com.mail.protection.outlook.com", 300, 0);
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_A, MX_B));
    listing("MX", "example.com", "swapped", null, list(1, 1, target));
    cloudflare.stubFor(
        post(urlPathEqualTo(RECORDS))
            .withRequestBody(
                equalToJson(
                    """
                    {"type":"MX","name":"example.com","ttl":300,
                     "content":"example-com.mail.protection.outlook.com","priority":0}
                    """))
            .willReturn(okJson(single(target))));
    cloudflare.stubFor(
        delete(urlPathEqualTo(RECORDS + "/mx-a")).willReturn(okJson(single("{\"id\":\"mx-a\"}"))));
    cloudflare.stubFor(
        delete(urlPathEqualTo(RECORDS + "/mx-b"))
            .inScenario("zone")
            .willSetStateTo("swapped")
            .willReturn(okJson(single("{\"id\":\"mx-b\"}"))));
    RecordSet current =
        RecordSet.of(
            "example.com", RecordType.MX, 300, "10 mail.example.com.", "20 backup.example.net.");
    RecordSet wanted =
        RecordSet.of(
            "example.com", RecordType.MX, 300, "0 example-com.mail.protection.outlook.com.");

    ZoneChange change = zone().upsert(wanted, Optional.of(current));

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.of(wanted)));
    cloudflare.verify(1, postRequestedFor(urlPathEqualTo(RECORDS)));
    cloudflare.verify(deleteRequestedFor(urlPathEqualTo(RECORDS + "/mx-a")));
    cloudflare.verify(deleteRequestedFor(urlPathEqualTo(RECORDS + "/mx-b")));
  }

  @Test
  void createsACnameUnproxied() {
    String cname =
        record("c1", "CNAME", "autodiscover.example.com", "autodiscover.outlook.com", 3600, null);
    listing("CNAME", "autodiscover.example.com", Scenario.STARTED, null, list(1, 1));
    listing("CNAME", "autodiscover.example.com", "created", null, list(1, 1, cname));
    cloudflare.stubFor(
        post(urlPathEqualTo(RECORDS))
            .withRequestBody(
                equalToJson(
                    """
                    {"type":"CNAME","name":"autodiscover.example.com","ttl":3600,
                     "content":"autodiscover.outlook.com","proxied":false}
                    """))
            .inScenario("zone")
            .willSetStateTo("created")
            .willReturn(okJson(single(cname))));
    RecordSet wanted =
        RecordSet.of(
            "autodiscover.example.com", RecordType.CNAME, 3600, "autodiscover.outlook.com.");

    assertThat(zone().upsert(wanted, Optional.empty()))
        .isEqualTo(new ZoneChange.Applied(Optional.of(wanted)));
  }

  @Test
  void sendsTxtContentAsQuotedStrings() {
    String spf = "v=spf1 include:spf.protection.outlook.com -all";
    String created = record("t9", "TXT", "example.com", "\"" + spf + "\"", 3600, null);
    listing("TXT", "example.com", Scenario.STARTED, null, list(1, 1));
    listing("TXT", "example.com", "created", null, list(1, 1, created));
    cloudflare.stubFor(
        post(urlPathEqualTo(RECORDS))
            .withRequestBody(
                equalToJson(
                    "{\"type\":\"TXT\",\"name\":\"example.com\",\"ttl\":3600,\"content\":"
                        + quote("\"" + spf + "\"")
                        + "}"))
            .inScenario("zone")
            .willSetStateTo("created")
            .willReturn(okJson(single(created))));
    RecordSet wanted = RecordSet.txt("example.com", 3600, List.of(spf));

    assertThat(zone().upsert(wanted, Optional.empty()))
        .isEqualTo(new ZoneChange.Applied(Optional.of(wanted)));
  }

  @Test
  void reportsAConcurrentChangeWithoutWriting() {
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_B));
    RecordSet readEarlier =
        RecordSet.of("example.com", RecordType.MX, 3600, "10 mail.example.com.");

    ZoneChange change =
        zone()
            .upsert(
                RecordSet.of("example.com", RecordType.MX, 300, "0 x.example.net."),
                Optional.of(readEarlier));

    assertThat(change).isInstanceOf(ZoneChange.Conflict.class);
    assertThat(((ZoneChange.Conflict) change).detail()).contains("20 backup.example.net.");
    cloudflare.verify(0, postRequestedFor(anyUrl()));
    cloudflare.verify(0, deleteRequestedFor(anyUrl()));
    cloudflare.verify(0, patchRequestedFor(anyUrl()));
  }

  @Test
  void deletesEveryRecordOfTheSet() {
    String txt = record("t1", "TXT", "old.example.com", "\"bye\"", 300, null);
    listing("TXT", "old.example.com", Scenario.STARTED, null, list(1, 1, txt));
    listing("TXT", "old.example.com", "deleted", null, list(1, 1));
    cloudflare.stubFor(
        delete(urlPathEqualTo(RECORDS + "/t1"))
            .inScenario("zone")
            .willSetStateTo("deleted")
            .willReturn(okJson(single("{\"id\":\"t1\"}"))));

    ZoneChange change = zone().delete(RecordSet.txt("old.example.com", 300, List.of("bye")));

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.empty()));
  }

  @Test
  void waitsAsToldByRetryAfterWhenRateLimited() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("free")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "2")
                    .withBody(
                        failure(971, "Please wait and consider throttling your request speed"))));
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .inScenario("limit")
            .whenScenarioStateIs("free")
            .willReturn(okJson(list(1, 1, MX_A))));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(read).isInstanceOf(ZoneRead.Present.class);
    assertThat(pauses).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void readsAFractionalRetryAfter() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("free")
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1.5")));
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .inScenario("limit")
            .whenScenarioStateIs("free")
            .willReturn(okJson(list(1, 1, MX_A))));

    zone().read("example.com", RecordType.MX);

    assertThat(pauses).containsExactly(Duration.ofMillis(1500));
  }

  @Test
  void givesUpAfterTheLastAttemptWhenStillRateLimited() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody(
                        failure(971, "Please wait and consider throttling your request speed"))));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(read).isInstanceOf(ZoneRead.Unavailable.class);
    assertThat(((ZoneRead.Unavailable) read).reason()).contains("rate-limited").contains("3 times");
    assertThat(pauses).hasSize(2);
  }

  @Test
  void doesNotWaitLongerThanAllowed() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(read).isInstanceOf(ZoneRead.Unavailable.class);
    assertThat(((ZoneRead.Unavailable) read).reason()).contains("wait 3600 s");
    assertThat(pauses).isEmpty();
  }

  @Test
  void explainsARefusedTokenWithoutShowingIt() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(failure(10000, "Authentication error"))));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(read).isInstanceOf(ZoneRead.Rejected.class);
    assertThat(((ZoneRead.Rejected) read).reason())
        .contains("[10000] Authentication error")
        .contains("Zone:DNS:Edit")
        .doesNotContain(TOKEN);
  }

  @Test
  void reportsAnInvalidRecordWithCloudflaresCode() {
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_A));
    cloudflare.stubFor(
        post(urlPathEqualTo(RECORDS))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        failure(
                            9021,
                            "Invalid TTL. Must be between 60 and 86400 seconds, or 1 for Automatic."))));
    RecordSet current = RecordSet.of("example.com", RecordType.MX, 3600, "10 mail.example.com.");

    ZoneChange change =
        zone()
            .upsert(
                RecordSet.of("example.com", RecordType.MX, 5, "0 x.example.net."),
                Optional.of(current));

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
    assertThat(((ZoneChange.Rejected) change).reason())
        .contains("[9021] Invalid TTL")
        .contains("after 0 of 2 changes");
  }

  @Test
  void refusesAZoneTheTokenCannotSee() {
    cloudflare.stubFor(
        get(urlPathEqualTo("/client/v4/zones"))
            .withQueryParam("name", equalTo("example.com"))
            .willReturn(okJson(list(1, 1))));

    ZoneRead read = zone().read("example.com", RecordType.MX);

    assertThat(((ZoneRead.Rejected) read).reason()).contains("no zone named example.com");
  }

  @Test
  void reportsAServerErrorAsUnavailable() {
    cloudflare.stubFor(
        get(urlPathEqualTo(RECORDS))
            .willReturn(aResponse().withStatus(502).withBody("<html>Bad gateway</html>")));

    assertThat(zone().read("example.com", RecordType.MX)).isInstanceOf(ZoneRead.Unavailable.class);
  }

  @Test
  void reportsAChangeTheListingDoesNotShowAsNotApplied() {
    listing("MX", "example.com", Scenario.STARTED, null, list(1, 1, MX_A));
    cloudflare.stubFor(patch(urlPathEqualTo(RECORDS + "/mx-a")).willReturn(okJson(single(MX_A))));
    RecordSet current = RecordSet.of("example.com", RecordType.MX, 3600, "10 mail.example.com.");

    ZoneChange change = zone().upsert(current.withTtl(300), Optional.of(current));

    assertThat(change).isInstanceOf(ZoneChange.NotApplied.class);
  }
}
