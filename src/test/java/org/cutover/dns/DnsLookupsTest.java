package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

class DnsLookupsTest {

  private static final String SOA_1 =
      "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 1 3600 900 604800 300";
  private static final String SOA_2 =
      "example.test. 3600 IN SOA ns1.example.test. hostmaster.example.test. 2 3600 900 604800 300";
  private static final String NEW_MX =
      "example.test. 300 IN MX 0 example-test.mail.protection.outlook.com.";
  private static final String OLD_MX = "example.test. 300 IN MX 10 mail.example.test.";

  private final DirectQuery query = new DirectQuery(Duration.ofSeconds(30), 1);

  private static Function<Message, Optional<byte[]>> zone(String soa, String mx, boolean aa) {
    return q -> {
      int type = q.getQuestion().getType();
      String answer = type == Type.SOA ? soa : type == Type.MX ? mx : null;
      return Replies.wire(
          Replies.reply(
              q,
              aa,
              org.xbill.DNS.Rcode.NOERROR,
              answer == null ? new String[0] : new String[] {answer}));
    };
  }

  private DnsLookups lookups(List<NameServer> authoritative, List<NameServer> resolvers) {
    Resolvers configured = new Resolvers(resolvers);
    return new DnsLookups(query, new ZoneServers(query, configured, authoritative), configured);
  }

  private static final MxTarget TARGET =
      new MxTarget(0, "example-test.mail.protection.outlook.com");

  private static RecordSet expected() {
    return RecordSet.of("example.test", RecordType.MX, 300, TARGET.value());
  }

  @Test
  void isCompleteWhenEveryServerAndResolverAnswersTheNewRecords() throws Exception {
    try (var ns1 = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, true));
        var ns2 = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, true));
        var resolver = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, false))) {
      PropagationReport report =
          lookups(List.of(ns1.nameServer(), ns2.nameServer()), List.of(resolver.nameServer()))
              .propagation("example.test", expected());

      assertThat(report.complete()).as(report.detail()).isTrue();
      assertThat(report.detail()).contains("SOA serial 2").contains("resolver up to date");
    }
  }

  @Test
  void isIncompleteWhileASecondaryServesAnOlderSerial() throws Exception {
    try (var ns1 = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, true));
        var ns2 = ScriptedDnsServer.udpOnly(zone(SOA_1, NEW_MX, true))) {
      PropagationReport report =
          lookups(List.of(ns1.nameServer(), ns2.nameServer()), List.of())
              .propagation("example.test", expected());

      assertThat(report.authoritativeComplete()).isFalse();
      assertThat(report.detail()).contains("different SOA serials");
    }
  }

  @Test
  void isIncompleteWhileAResolverStillAnswersTheOldRecords() throws Exception {
    try (var ns1 = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, true));
        var resolver = ScriptedDnsServer.udpOnly(zone(SOA_1, OLD_MX, false))) {
      PropagationReport report =
          lookups(List.of(ns1.nameServer()), List.of(resolver.nameServer()))
              .propagation("example.test", expected());

      assertThat(report.authoritativeComplete()).isTrue();
      assertThat(report.resolversComplete()).isFalse();
      assertThat(report.detail()).contains("resolver not yet").contains("10 mail.example.test.");
    }
  }

  @Test
  void isIncompleteWhenAnAuthoritativeServerIsLame() throws Exception {
    try (var ns1 = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, true));
        var lame = ScriptedDnsServer.udpOnly(zone(SOA_2, NEW_MX, false))) {
      PropagationReport report =
          lookups(List.of(ns1.nameServer(), lame.nameServer()), List.of())
              .propagation("example.test", expected());

      assertThat(report.complete()).isFalse();
      assertThat(report.detail()).contains("not authoritative");
    }
  }

  @Test
  void findsTheTxtOnlyWhenEveryServerAnswersIt() throws Exception {
    Function<Message, Optional<byte[]>> with =
        q -> Replies.authoritative(q, "example.test. 3600 IN TXT \"MS=ms12345678\"");
    Function<Message, Optional<byte[]>> without =
        q -> Replies.authoritative(q, "example.test. 3600 IN TXT \"v=spf1 mx -all\"");
    try (var ns1 = ScriptedDnsServer.udpOnly(with);
        var ns2 = ScriptedDnsServer.udpOnly(without)) {
      TxtCheck both =
          lookups(List.of(ns1.nameServer()), List.of())
              .verifyTxt("example.test", "example.test", "MS=ms12345678");
      TxtCheck one =
          lookups(List.of(ns1.nameServer(), ns2.nameServer()), List.of())
              .verifyTxt("example.test", "example.test", "MS=ms12345678");

      assertThat(both.found()).isTrue();
      assertThat(one.found()).isFalse();
      assertThat(one.detail())
          .contains("found at " + ns1.nameServer().describe())
          .contains("missing at " + ns2.nameServer().describe())
          .contains("example.test. 3600 IN TXT \"MS=ms12345678\"");
    }
  }

  @Test
  void discoversTheServersThroughTheNsRecords() throws Exception {
    try (var resolver =
        ScriptedDnsServer.udpOnly(
            q ->
                switch (q.getQuestion().getType()) {
                  case Type.NS ->
                      Replies.authoritative(
                          q,
                          "example.test. 3600 IN NS ns1.example.test.",
                          "example.test. 3600 IN NS ns2.example.test.");
                  case Type.A ->
                      Replies.authoritative(q, q.getQuestion().getName() + " 3600 IN A 192.0.2.53");
                  default -> Replies.authoritative(q);
                })) {
      ServerDiscovery discovery =
          lookups(List.of(), List.of(resolver.nameServer())).authoritativeServers("example.test");

      assertThat(discovery).isInstanceOf(ServerDiscovery.Found.class);
      assertThat(((ServerDiscovery.Found) discovery).servers())
          .extracting(NameServer::name)
          .containsExactly("ns1.example.test.", "ns2.example.test.");
      assertThat(((ServerDiscovery.Found) discovery).servers())
          .allSatisfy(s -> assertThat(s.address().getPort()).isEqualTo(53));
    }
  }

  @Test
  void explainsWhyNoServerWasFound() throws Exception {
    try (var resolver =
        ScriptedDnsServer.udpOnly(
            q -> Replies.wire(Replies.reply(q, false, org.xbill.DNS.Rcode.SERVFAIL)))) {
      ServerDiscovery discovery =
          lookups(List.of(), List.of(resolver.nameServer())).authoritativeServers("example.test");

      assertThat(discovery).isInstanceOf(ServerDiscovery.NotFound.class);
      assertThat(((ServerDiscovery.NotFound) discovery).reason())
          .contains("Could not find the authoritative servers of example.test.")
          .contains("SERVFAIL")
          .contains("cutover.dns.authoritative-servers");
    }
  }
}
