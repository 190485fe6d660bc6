package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cutover.testsupport.MutableClock;
import org.xbill.DNS.SOARecord;

/**
 * What tests of the DNS steps share: a zone ({@link #ZONE}) that a subclass serves fresh for each
 * test, a journal in memory, a clock moved by hand, and methods that read the zone.
 */
public abstract class DnsStepsFixture {

  public static final String ZONE =
      """
      $TTL 3600
      @       IN SOA  ns1.example.test. hostmaster.example.test. (
                      2024010101 3600 900 604800 300 )
              IN NS   ns1.example.test.
              86400 IN MX 10 mail.example.test.
              86400 IN MX 20 backup.example.net.
              IN TXT  "v=spf1 mx -all"
              IN TXT  "google-site-verification=abc"
      ns1     IN A    127.0.0.1
      mail    IN A    192.0.2.25
      autodiscover IN A 192.0.2.80
      """;

  protected static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  protected static final MxTarget TARGET =
      new MxTarget(0, "example-test.mail.protection.outlook.com");

  protected final MemoryDnsChangeJournal journal = new MemoryDnsChangeJournal();
  protected final MutableClock clock = new MutableClock(START);

  /** A new adapter for the test's zone. */
  protected abstract DnsZone zone();

  /** The server that serves the zone. */
  protected abstract NameServer server();

  protected DnsLookups lookups() {
    DirectQuery query = new DirectQuery(Duration.ofSeconds(2), 2);
    Resolvers resolvers = new Resolvers(List.of(server()));
    return new DnsLookups(query, new ZoneServers(query, resolvers, List.of(server())), resolvers);
  }

  protected DnsRunbookSteps steps() {
    return new DnsRunbookSteps(journal, lookups(), DnsRunbookRules.microsoft365(), clock);
  }

  protected DnsMigration migration(boolean consent) {
    return migration(zone(), consent);
  }

  protected DnsMigration migration(DnsZone zone, boolean consent) {
    return new DnsMigration(
        "m-1", "example.test", zone, "MS=ms12345678", List.of(TARGET), consent, List.of(server()));
  }

  protected RecordSet read(String name, RecordType type) {
    ZoneRead read = zone().read(name, type);
    assertThat(read).as(read.describe()).isInstanceOf(ZoneRead.Present.class);
    return ((ZoneRead.Present) read).records();
  }

  protected boolean absent(String name, RecordType type) {
    return zone().read(name, type) instanceof ZoneRead.Absent;
  }

  protected long serial() {
    return ((SOARecord) read("example.test", RecordType.SOA).toRecords().get(0)).getSerial();
  }

  protected static RecordSet originalMx() {
    return RecordSet.of(
        "example.test", RecordType.MX, 86400, "10 mail.example.test.", "20 backup.example.net.");
  }

  protected static RecordSet targetMx(long ttl) {
    return RecordSet.of("example.test", RecordType.MX, ttl, TARGET.value());
  }

  /** Lowers the TTL at {@link #START} and moves the clock to when the swap is safe. */
  protected void lowerAndWait() {
    assertThat(steps().mx().lowerMxTtl(migration(false))).isInstanceOf(StepResult.Done.class);
    clock.set(START.plusSeconds(86400));
  }
}
