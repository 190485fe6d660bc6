package org.cutover.dns.rfc2136;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cutover.dns.BindServer;
import org.cutover.dns.DirectQuery;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneContract;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.ServerAnswer;
import org.cutover.dns.TsigKey;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.ZoneRead;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.SOARecord;

/** The RFC 2136 adapter against a real BIND 9. */
class BindRfc2136ZoneIT extends DnsZoneContract {

  @TempDir Path dir;
  private BindServer bind;

  @BeforeEach
  void startBind() throws Exception {
    bind = BindServer.start(dir, "example.test", BindServer.EXAMPLE_ZONE);
  }

  @AfterEach
  void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  @Override
  protected DnsZone zone() {
    return new Rfc2136Zone("example.test", bind.server(), bind.key(), Duration.ofSeconds(5));
  }

  private DnsZone zoneWith(TsigKey key) {
    return new Rfc2136Zone("example.test", bind.server(), key, Duration.ofSeconds(5));
  }

  private long serial() {
    ServerAnswer soa =
        new DirectQuery(Duration.ofSeconds(2), 1)
            .ask(bind.server(), "example.test", RecordType.SOA, DirectQuery.Mode.AUTHORITATIVE);
    return ((SOARecord) ((ServerAnswer.Records) soa).records().toRecords().get(0)).getSerial();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "hmac-md5",
        "hmac-sha1",
        "hmac-sha224",
        "hmac-sha256",
        "hmac-sha384",
        "hmac-sha512"
      })
  void updatesWithEveryTsigAlgorithm(String algorithm) {
    RecordSet wanted = RecordSet.txt(algorithm + ".example.test", 300, List.of(algorithm));

    ZoneChange change = zoneWith(bind.key(algorithm)).upsert(wanted, Optional.empty());

    assertThat(change).isEqualTo(new ZoneChange.Applied(Optional.of(wanted)));
  }

  @Test
  void bumpsTheSoaSerialWithEachUpdate() {
    long before = serial();

    zone().upsert(RecordSet.txt("serial.example.test", 300, List.of("x")), Optional.empty());

    assertThat(serial()).isGreaterThan(before);
  }

  @Test
  void explainsAWrongSecretAsBadsig() {
    TsigKey wrong =
        new TsigKey(
            bind.key().name(), "hmac-sha256", () -> "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");

    ZoneChange change =
        zoneWith(wrong)
            .upsert(RecordSet.txt("bad.example.test", 300, List.of("x")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
    assertThat(((ZoneChange.Rejected) change).reason())
        .contains("rejected the TSIG signature of key cutover-hmac-sha256.")
        .contains("(BADSIG)")
        .doesNotContain(bind.key().secret().get());
    assertThat(zone().read("bad.example.test", RecordType.TXT)).isInstanceOf(ZoneRead.Absent.class);
  }

  @Test
  void explainsAnUnknownKeyAsBadkey() {
    TsigKey unknown = new TsigKey("nobody", "hmac-sha256", bind.key().secret());

    ZoneChange change =
        zoneWith(unknown)
            .upsert(RecordSet.txt("bad.example.test", 300, List.of("x")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
    assertThat(((ZoneChange.Rejected) change).reason()).contains("does not know TSIG key nobody.");
  }

  @Test
  void explainsASecretThatIsNotBase64WithoutEchoingIt() {
    TsigKey garbled = new TsigKey(bind.key().name(), "hmac-sha256", () -> "not base64 at all!");

    ZoneChange change =
        zoneWith(garbled)
            .upsert(RecordSet.txt("bad.example.test", 300, List.of("x")), Optional.empty());

    assertThat(change).isInstanceOf(ZoneChange.Rejected.class);
    assertThat(((ZoneChange.Rejected) change).reason())
        .contains("is not valid base64")
        .doesNotContain("not base64 at all!");
  }

  @Test
  void reportsAStoppedServerAsUnavailable() {
    DnsZone zone = zone();
    bind.close();

    assertThat(zone.read("example.test", RecordType.MX)).isInstanceOf(ZoneRead.Unavailable.class);
    assertThat(zone.upsert(RecordSet.txt("x.example.test", 300, List.of("x")), Optional.empty()))
        .isInstanceOf(ZoneChange.Unavailable.class);
  }
}
