package org.cutover.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.cutover.dns.DnsStep;
import org.cutover.dns.DnsStepsFixture;
import org.cutover.dns.DnsZone;
import org.cutover.dns.GuidedZone;
import org.cutover.dns.NameServer;
import org.cutover.dns.RecordInstruction;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.StepResult;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guided mode: the steps never change the zone; they give the exact record set to set and what the
 * servers show, until the servers show it. "The administrator" here changes the zone through RFC
 * 2136 behind the steps' back.
 */
class GuidedStepsTest extends DnsStepsFixture {

  private InProcessDnsServer server;

  @BeforeEach
  void startServer() throws Exception {
    server =
        new InProcessDnsServer(
            InetAddress.getLoopbackAddress(), 0, List.of(InProcessServerZoneTest.KEY));
    server.addZone("example.test", ZONE);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected DnsZone zone() {
    return new Rfc2136Zone(
        "example.test", server.nameServer(), InProcessServerZoneTest.KEY, Duration.ofSeconds(30));
  }

  @Override
  protected NameServer server() {
    return server.nameServer();
  }

  private DnsZone guided() {
    return new GuidedZone("example.test", lookups());
  }

  /** What the administrator does at the DNS host. */
  private void byHand(RecordInstruction instruction) {
    Optional<RecordSet> now =
        zone().read(instruction.name(), instruction.type()).known().orElseThrow();
    ZoneChange change =
        instruction.action() == RecordInstruction.Action.SET
            ? zone()
                .upsert(
                    new RecordSet(
                        instruction.name(),
                        instruction.type(),
                        instruction.ttl(),
                        instruction.values()),
                    now)
            : zone().delete(now.orElseThrow());
    assertThat(change).isInstanceOf(ZoneChange.Applied.class);
  }

  private RecordInstruction instruction(StepResult result) {
    assertThat(result).as(result.toString()).isInstanceOf(StepResult.HumanChangeNeeded.class);
    return ((StepResult.HumanChangeNeeded) result).instruction();
  }

  @Test
  void givesTheExactMxRecordsToSetAndWaitsUntilTheServersShowThem() {
    long serial = serial();

    StepResult first = steps().mx().lowerMxTtl(migration(guided(), false));
    StepResult repeated = steps().mx().lowerMxTtl(migration(guided(), false));

    RecordInstruction instruction = instruction(first);
    assertThat(instruction)
        .isEqualTo(
            new RecordInstruction(
                RecordInstruction.Action.SET,
                "example.test.",
                RecordType.MX,
                3600,
                List.of("10 mail.example.test.", "20 backup.example.net.")));
    assertThat(((StepResult.HumanChangeNeeded) first).seenNow())
        .contains("example.test. 86400 IN MX 10 mail.example.test.");
    assertThat(instruction.describe())
        .contains("Set the MX records of example.test. to exactly these, TTL 3600 s")
        .contains("example.test. 3600 IN MX 20 backup.example.net.");
    assertThat(instruction(repeated)).isEqualTo(instruction);
    assertThat(serial()).isEqualTo(serial);
    assertThat(journal.changes("m-1"))
        .singleElement()
        .satisfies(c -> assertThat(c.applied()).isFalse());

    clock.advance(Duration.ofMinutes(30));
    byHand(instruction);
    StepResult seen = steps().mx().lowerMxTtl(migration(guided(), false));

    assertThat(seen).isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1"))
        .singleElement()
        .satisfies(c -> assertThat(c.appliedAt()).contains(START.plus(Duration.ofMinutes(30))));
  }

  @Test
  void countsTheWaitBeforeTheSwapFromWhenTheLowerTtlWasSeen() {
    byHand(instruction(steps().mx().lowerMxTtl(migration(guided(), false))));
    clock.advance(Duration.ofHours(2));
    steps().mx().lowerMxTtl(migration(guided(), false));
    clock.advance(Duration.ofHours(23));

    StepResult early = steps().mx().swapMx(migration(guided(), false));

    assertThat(early).isInstanceOf(StepResult.NotYet.class);
    assertThat(((StepResult.NotYet) early).safeAt())
        .isEqualTo(START.plus(Duration.ofHours(2)).plusSeconds(86400));

    clock.set(START.plus(Duration.ofHours(2)).plusSeconds(86400));
    RecordInstruction swap = instruction(steps().mx().swapMx(migration(guided(), false)));
    assertThat(swap.values()).containsExactly(TARGET.value());
    clock.advance(Duration.ofMinutes(10));
    byHand(swap);

    assertThat(steps().mx().swapMx(migration(guided(), false))).isInstanceOf(StepResult.Done.class);
    assertThat(steps().mx().switchedAt("m-1"))
        .contains(START.plus(Duration.ofHours(2)).plusSeconds(86400).plus(Duration.ofMinutes(10)));
  }

  @Test
  void asksToRemoveTheOldAutodiscoverRecordThenToAddTheCname() {
    RecordInstruction remove =
        instruction(steps().autodiscover().createAutodiscover(migration(guided(), true)));
    assertThat(remove.action()).isEqualTo(RecordInstruction.Action.REMOVE);
    assertThat(remove.describe()).startsWith("Remove every A record of autodiscover.example.test.");
    byHand(remove);

    RecordInstruction add =
        instruction(steps().autodiscover().createAutodiscover(migration(guided(), true)));
    assertThat(add)
        .isEqualTo(
            new RecordInstruction(
                RecordInstruction.Action.SET,
                "autodiscover.example.test.",
                RecordType.CNAME,
                3600,
                List.of("autodiscover.outlook.com.")));
    byHand(add);

    assertThat(steps().autodiscover().createAutodiscover(migration(guided(), true)))
        .isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1"))
        .extracting(c -> c.step(), c -> c.applied())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(DnsStep.AUTODISCOVER_CLEAR, true),
            org.assertj.core.groups.Tuple.tuple(DnsStep.AUTODISCOVER_CNAME, true));
  }

  @Test
  void guidesTheRollbackOneRecordSetAtATime() {
    RecordSet autodiscoverA = read("autodiscover.example.test", RecordType.A);
    byHand(instruction(steps().mx().lowerMxTtl(migration(guided(), true))));
    steps().mx().lowerMxTtl(migration(guided(), true));
    byHand(instruction(steps().autodiscover().createAutodiscover(migration(guided(), true))));
    byHand(instruction(steps().autodiscover().createAutodiscover(migration(guided(), true))));
    steps().autodiscover().createAutodiscover(migration(guided(), true));

    RecordInstruction first = instruction(steps().rollback().rollback(migration(guided(), true)));
    assertThat(first.action()).isEqualTo(RecordInstruction.Action.REMOVE);
    assertThat(first.type()).isEqualTo(RecordType.CNAME);
    byHand(first);
    RecordInstruction second = instruction(steps().rollback().rollback(migration(guided(), true)));
    assertThat(second.type()).isEqualTo(RecordType.A);
    byHand(second);
    RecordInstruction third = instruction(steps().rollback().rollback(migration(guided(), true)));
    assertThat(third.type()).isEqualTo(RecordType.MX);
    assertThat(third.ttl()).isEqualTo(86400);
    byHand(third);

    assertThat(steps().rollback().rollback(migration(guided(), true)))
        .isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());
    assertThat(read("autodiscover.example.test", RecordType.A)).isEqualTo(autodiscoverA);
  }
}
