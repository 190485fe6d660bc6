package org.cutover.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.dns.BindServer;
import org.cutover.dns.DirectQuery;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.ServerAnswer;
import org.cutover.dns.Transport;
import org.cutover.dns.TsigKey;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class InProcessDnsServerTest {

  private static final TsigKey KEY = InProcessServerZoneTest.KEY;
  private final DirectQuery query = new DirectQuery(Duration.ofSeconds(30), 1);
  private InProcessDnsServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
    server.addZone("example.test", BindServer.EXAMPLE_ZONE);
    server.addZone(
        "other.test",
        """
        $TTL 300
        @ IN SOA ns.other.test. admin.other.test. 7 3600 900 604800 60
          IN NS ns.other.test.
        ns IN A 127.0.0.1
        """);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  private ServerAnswer ask(String name, RecordType type) {
    return query.ask(server.nameServer(), name, type, DirectQuery.Mode.AUTHORITATIVE);
  }

  private Message raw(Message message, boolean tcp) throws Exception {
    SimpleResolver resolver = new SimpleResolver(server.nameServer().address());
    resolver.setTCP(tcp);
    resolver.setTimeout(Duration.ofSeconds(30));
    return resolver.send(message);
  }

  private long serial() {
    return ((SOARecord)
            ((ServerAnswer.Records) ask("example.test", RecordType.SOA))
                .records()
                .toRecords()
                .get(0))
        .getSerial();
  }

  @Test
  void answersAuthoritativelyWithTheZonesTtls() {
    ServerAnswer answer = ask("example.test", RecordType.MX);

    assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
    assertThat(((ServerAnswer.Records) answer).records())
        .isEqualTo(RecordSet.of("example.test", RecordType.MX, 3600, "10 mail.example.test."));
  }

  @Test
  void answersEveryTypeTheRunbookAsks() {
    assertThat(ask("example.test", RecordType.SOA)).isInstanceOf(ServerAnswer.Records.class);
    assertThat(ask("example.test", RecordType.NS)).isInstanceOf(ServerAnswer.Records.class);
    assertThat(ask("example.test", RecordType.TXT)).isInstanceOf(ServerAnswer.Records.class);
    assertThat(ask("mail.example.test", RecordType.A)).isInstanceOf(ServerAnswer.Records.class);
    assertThat(ask("ns.other.test", RecordType.A)).isInstanceOf(ServerAnswer.Records.class);
  }

  @Test
  void answersNxdomainWithTheSoaForNegativeCaching() throws Exception {
    Message response =
        raw(
            Message.newQuery(
                Record.newRecord(Name.fromString("nothing.example.test."), Type.TXT, DClass.IN)),
            false);

    assertThat(response.getRcode()).isEqualTo(Rcode.NXDOMAIN);
    assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
    Record soa = response.getSection(Section.AUTHORITY).get(0);
    assertThat(soa.getType()).isEqualTo(Type.SOA);
    assertThat(soa.getTTL()).isEqualTo(300);
  }

  @Test
  void answersNodataForAnEmptyNonTerminal() {
    zoneChange(RecordSet.txt("a.b.example.test", 60, List.of("deep")));

    assertThat(ask("b.example.test", RecordType.TXT)).isInstanceOf(ServerAnswer.NoRecords.class);
  }

  @Test
  void followsACnameInsideTheZone() {
    zoneChange(RecordSet.of("alias.example.test", RecordType.CNAME, 60, "mail.example.test."));

    Message response;
    try {
      response =
          raw(
              Message.newQuery(
                  Record.newRecord(Name.fromString("alias.example.test."), Type.A, DClass.IN)),
              false);
    } catch (Exception e) {
      throw new AssertionError(e);
    }

    assertThat(response.getSection(Section.ANSWER))
        .extracting(Record::getType)
        .containsExactly(Type.CNAME, Type.A);
  }

  @Test
  void refusesNamesOutsideItsZones() {
    assertThat(ask("example.net", RecordType.MX)).isInstanceOf(ServerAnswer.NotAuthoritative.class);
  }

  @Test
  void truncatesLargeUdpAnswersSoClientsRetryOverTcp() {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      texts.add("text number " + i + " " + "x".repeat(60));
    }
    zoneChange(RecordSet.txt("big.example.test", 60, texts));

    ServerAnswer answer = ask("big.example.test", RecordType.TXT);

    assertThat(answer).isInstanceOf(ServerAnswer.Records.class);
    assertThat(((ServerAnswer.Records) answer).transport())
        .isEqualTo(Transport.TCP_AFTER_TRUNCATION);
    assertThat(((ServerAnswer.Records) answer).records().values()).hasSize(40);
  }

  @Test
  void refusesAnUnsignedUpdate() throws Exception {
    Update update = new Update(Name.fromString("example.test."));
    update.add(Name.fromString("x.example.test."), Type.TXT, 60, "\"x\"");

    assertThat(raw(update, true).getRcode()).isEqualTo(Rcode.REFUSED);
    assertThat(ask("x.example.test", RecordType.TXT)).isInstanceOf(ServerAnswer.NoSuchName.class);
  }

  @Test
  void refusesAnUpdateForAZoneItDoesNotServe() {
    Rfc2136Zone elsewhere =
        new Rfc2136Zone("example.net", server.nameServer(), KEY, Duration.ofSeconds(30));

    ZoneChange change =
        elsewhere.upsert(RecordSet.txt("example.net", 60, List.of("x")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
  }

  @Test
  void explainsAWrongSecretAsBadsig() {
    TsigKey wrong =
        new TsigKey(
            KEY.name(), KEY.algorithm(), () -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    Rfc2136Zone zone =
        new Rfc2136Zone("example.test", server.nameServer(), wrong, Duration.ofSeconds(30));

    ZoneChange change =
        zone.upsert(RecordSet.txt("x.example.test", 60, List.of("x")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
    assertThat(((ZoneChange.Rejected) change).reason()).contains("BADSIG");
  }

  @Test
  void explainsAnUnknownKeyAsBadkey() {
    TsigKey unknown = new TsigKey("stranger", "hmac-sha256", KEY.secret());
    Rfc2136Zone zone =
        new Rfc2136Zone("example.test", server.nameServer(), unknown, Duration.ofSeconds(30));

    ZoneChange change =
        zone.upsert(RecordSet.txt("x.example.test", 60, List.of("x")), Optional.empty());

    assertThat(((ZoneChange.Rejected) change).reason())
        .contains("does not know TSIG key stranger.");
  }

  @Test
  void bumpsTheSoaSerialOnlyWhenSomethingChanged() {
    long before = serial();
    RecordSet txt = RecordSet.txt("serial.example.test", 60, List.of("x"));
    zoneChange(txt);
    long afterChange = serial();

    zone().upsert(txt, Optional.of(txt));

    assertThat(afterChange).isEqualTo(before + 1);
    assertThat(serial()).isEqualTo(afterChange);
  }

  @Test
  void signsItsAnswersToSignedQueries() {
    assertThat(zone().read("example.test", RecordType.MX))
        .isInstanceOf(org.cutover.dns.ZoneRead.Present.class);
  }

  private Rfc2136Zone zone() {
    return new Rfc2136Zone("example.test", server.nameServer(), KEY, Duration.ofSeconds(30));
  }

  private void zoneChange(RecordSet wanted) {
    assertThat(zone().upsert(wanted, Optional.empty())).isInstanceOf(ZoneChange.Applied.class);
  }
}
