package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The runbook's DNS steps end to end against a real DNS server changed through an adapter; a
 * subclass starts the server (BIND, the in-process server).
 */
public abstract class DnsRunbookStepsContract extends DnsStepsFixture {

  @Test
  void verifiesTheDomainTxtOnEveryServer() {
    TxtCheck missing = steps().txt().verifyDomainTxt(migration(false));
    RecordSet txt = read("example.test", RecordType.TXT);
    List<String> texts = new java.util.ArrayList<>(txt.texts());
    texts.add("MS=ms12345678");
    zone().upsert(RecordSet.txt("example.test", txt.ttl(), texts), Optional.of(txt));

    TxtCheck found = steps().txt().verifyDomainTxt(migration(false));

    assertThat(missing.found()).isFalse();
    assertThat(missing.detail())
        .contains("missing at " + server().describe())
        .contains("example.test. 3600 IN TXT \"MS=ms12345678\"");
    assertThat(found.found()).isTrue();
    assertThat(found.detail()).contains("found at " + server().describe());
  }

  @Test
  void lowersTheMxTtlOnceAndRemembersTheOriginal() {
    StepResult first = steps().mx().lowerMxTtl(migration(false));
    long serial = serial();
    StepResult second = steps().mx().lowerMxTtl(migration(false));

    assertThat(first).isInstanceOf(StepResult.Done.class);
    assertThat(((StepResult.Done) first).summary())
        .contains("lowered from 86400 s to 3600 s")
        .contains("safe from " + START.plusSeconds(86400));
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx().withTtl(3600));
    assertThat(second).isInstanceOf(StepResult.Done.class);
    assertThat(serial()).isEqualTo(serial);
    assertThat(journal.changes("m-1"))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.step()).isEqualTo(DnsStep.LOWER_MX_TTL);
              assertThat(change.before()).contains(originalMx());
              assertThat(change.appliedAt()).contains(START);
            });
  }

  @Test
  void neverRaisesALowerTtl() {
    zone().upsert(originalMx().withTtl(300), Optional.of(originalMx()));

    StepResult result = steps().mx().lowerMxTtl(migration(false));

    assertThat(result).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX).ttl()).isEqualTo(300);
    assertThat(journal.changes("m-1")).isEmpty();
  }

  @Test
  void swapsOnlyAfterTheOldTtlRanOut() {
    steps().mx().lowerMxTtl(migration(false));
    clock.set(START.plus(Duration.ofHours(1)));

    StepResult early = steps().mx().swapMx(migration(false));

    assertThat(early).isInstanceOf(StepResult.NotYet.class);
    assertThat(((StepResult.NotYet) early).safeAt()).isEqualTo(START.plusSeconds(86400));
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx().withTtl(3600));

    clock.set(START.plusSeconds(86400));
    StepResult swapped = steps().mx().swapMx(migration(false));
    int changes = journal.changes("m-1").size();
    StepResult again = steps().mx().swapMx(migration(false));

    assertThat(swapped).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(targetMx(3600));
    assertThat(steps().mx().switchedAt("m-1")).contains(START.plusSeconds(86400));
    assertThat(again).isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1")).hasSize(changes);
  }

  @Test
  void verifiesPropagationOnceTheOldRecordsExpired() {
    lowerAndWait();
    steps().mx().swapMx(migration(false));

    MxPropagationCheck fresh = steps().mx().verifyMxPropagation(migration(false), Optional.empty());
    clock.advance(Duration.ofHours(1));
    MxPropagationCheck later = steps().mx().verifyMxPropagation(migration(false), Optional.empty());

    assertThat(fresh.complete()).isFalse();
    assertThat(fresh.detail())
        .contains("up to date")
        .contains("Caches may hold the old MX records");
    assertThat(later.complete()).as(later.detail()).isTrue();
    assertThat(later.detail()).contains("resolver up to date");
  }

  @Test
  void reportsPropagationIncompleteBeforeTheSwap() {
    MxPropagationCheck check = steps().mx().verifyMxPropagation(migration(false), Optional.empty());

    assertThat(check.complete()).isFalse();
    assertThat(check.detail()).contains("have not been switched yet");
  }

  @Test
  void refusesToReplaceAutodiscoverRecordsWithoutConsent() {
    StepResult result = steps().autodiscover().createAutodiscover(migration(false));

    assertThat(result).isInstanceOf(StepResult.NeedsAdministrator.class);
    assertThat(((StepResult.NeedsAdministrator) result).reason())
        .contains("autodiscover.example.test. 3600 IN A 192.0.2.80")
        .contains("consent");
    assertThat(read("autodiscover.example.test", RecordType.A).values())
        .containsExactly("192.0.2.80");
    assertThat(absent("autodiscover.example.test", RecordType.CNAME)).isTrue();
    assertThat(journal.changes("m-1")).isEmpty();
  }

  @Test
  void replacesAutodiscoverRecordsWithConsent() {
    StepResult result = steps().autodiscover().createAutodiscover(migration(true));
    int changes = journal.changes("m-1").size();
    StepResult again = steps().autodiscover().createAutodiscover(migration(true));

    assertThat(result).as(result.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(read("autodiscover.example.test", RecordType.CNAME))
        .isEqualTo(
            RecordSet.of(
                "autodiscover.example.test", RecordType.CNAME, 3600, "autodiscover.outlook.com."));
    assertThat(absent("autodiscover.example.test", RecordType.A)).isTrue();
    assertThat(again).isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1")).hasSize(changes);
  }

  @Test
  void addsTheMicrosoftIncludeToSpfKeepingEverythingElse() {
    StepResult result = steps().spf().mergeSpf(migration(false));
    long serial = serial();
    StepResult again = steps().spf().mergeSpf(migration(false));

    assertThat(result).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.TXT).texts())
        .containsExactlyInAnyOrder(
            "v=spf1 mx include:spf.protection.outlook.com -all", "google-site-verification=abc");
    assertThat(read("example.test", RecordType.TXT).ttl()).isEqualTo(3600);
    assertThat(again).isInstanceOf(StepResult.Done.class);
    assertThat(serial()).isEqualTo(serial);
  }

  @Test
  void restoresTheOriginalMxTtl() {
    lowerAndWait();
    steps().mx().swapMx(migration(false));

    StepResult result = steps().mx().restoreMxTtl(migration(false));

    assertThat(result).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(targetMx(86400));
  }

  @Test
  void rollsBackEveryChange() {
    RecordSet txt = read("example.test", RecordType.TXT);
    RecordSet autodiscoverA = read("autodiscover.example.test", RecordType.A);
    lowerAndWait();
    steps().mx().swapMx(migration(true));
    steps().autodiscover().createAutodiscover(migration(true));
    steps().spf().mergeSpf(migration(true));
    steps().mx().restoreMxTtl(migration(true));

    StepResult result = steps().rollback().rollback(migration(true));
    StepResult again = steps().rollback().rollback(migration(true));

    assertThat(result).as(result.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());
    assertThat(read("example.test", RecordType.TXT)).isEqualTo(txt);
    assertThat(read("autodiscover.example.test", RecordType.A)).isEqualTo(autodiscoverA);
    assertThat(absent("autodiscover.example.test", RecordType.CNAME)).isTrue();
    assertThat(journal.changes("m-1")).allSatisfy(c -> assertThat(c.rolledBack()).isTrue());
    assertThat(steps().mx().switchedAt("m-1")).isEmpty();
    assertThat(again).isEqualTo(new StepResult.Done("No DNS change of migration m-1 left to undo"));
  }

  @Test
  void reportsAConflictInsteadOfOverwritingSomeoneElsesChange() {
    RecordSet txt = read("example.test", RecordType.TXT);
    lowerAndWait();
    steps().mx().swapMx(migration(false));
    steps().spf().mergeSpf(migration(false));
    RecordSet theirs = RecordSet.of("example.test", RecordType.MX, 600, "5 other.example.net.");
    zone().upsert(theirs, Optional.of(targetMx(3600)));

    StepResult result = steps().rollback().rollback(migration(false));

    assertThat(result).isInstanceOf(StepResult.NeedsAdministrator.class);
    assertThat(((StepResult.NeedsAdministrator) result).reason())
        .contains("SWAP_MX example.test. MX")
        .contains("5 other.example.net.")
        .contains("left as is");
    assertThat(read("example.test", RecordType.MX)).isEqualTo(theirs);
    assertThat(read("example.test", RecordType.TXT)).isEqualTo(txt);
  }

  // ---------------------------------------------------------------- a step that died half-way

  /** Runs the step on a zone whose process dies right after the step's first update. */
  private void killedAfterTheUpdate(java.util.function.Function<DnsMigration, StepResult> step) {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> step.apply(migration(new DyingZone(zone(), 1), true)))
        .isInstanceOf(DyingZone.ProcessDeath.class);
  }

  @Test
  void aLoweredTtlFoundInTheZoneIsConfirmedWhenSeenAndTheSwapWaitsFromThere() {
    killedAfterTheUpdate(steps().mx()::lowerMxTtl);
    clock.advance(Duration.ofMinutes(6));

    StepResult resumed = steps().mx().lowerMxTtl(migration(false));

    assertThat(resumed).isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1"))
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.before()).contains(originalMx());
              assertThat(change.after()).contains(originalMx().withTtl(3600));
              assertThat(change.requestedAt()).isEqualTo(START);
              assertThat(change.appliedAt()).contains(START.plus(Duration.ofMinutes(6)));
            });
    clock.set(START.plus(Duration.ofMinutes(6)).plusSeconds(86400).minusSeconds(1));
    assertThat(steps().mx().swapMx(migration(false))).isInstanceOf(StepResult.NotYet.class);
    clock.advance(Duration.ofSeconds(1));
    assertThat(steps().mx().swapMx(migration(false))).isInstanceOf(StepResult.Done.class);
    assertThat(steps().mx().restoreMxTtl(migration(false))).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(targetMx(86400));
  }

  @Test
  void aSwapFoundInTheZoneKeepsTheRecordsItReplacedAsBeforeAndTheRollbackPutsThemBack() {
    lowerAndWait();
    killedAfterTheUpdate(steps().mx()::swapMx);
    clock.advance(Duration.ofMinutes(1));

    StepResult resumed = steps().mx().swapMx(migration(false));
    StepResult cancelled = steps().rollback().rollback(migration(false));

    assertThat(resumed).isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1"))
        .filteredOn(c -> c.step() == DnsStep.SWAP_MX)
        .singleElement()
        .satisfies(
            change -> {
              assertThat(change.before()).contains(originalMx().withTtl(3600));
              assertThat(change.after()).contains(targetMx(3600));
              assertThat(change.appliedAt()).contains(clock.instant());
            });
    assertThat(cancelled).as(cancelled.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());
  }

  @Test
  void theRollbackUndoesAChangeItsStepNeverConfirmed() {
    lowerAndWait();
    killedAfterTheUpdate(steps().mx()::swapMx);

    StepResult cancelled = steps().rollback().rollback(migration(false));

    assertThat(cancelled).as(cancelled.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());
    assertThat(journal.changes("m-1"))
        .allSatisfy(
            c -> {
              assertThat(c.applied()).as(c.describe()).isTrue();
              assertThat(c.rolledBack()).as(c.describe()).isTrue();
            });
  }

  @Test
  void theRollbackClosesAnIntentThatNeverReachedTheZone() {
    lowerAndWait();
    DnsZone unreachable =
        new DyingZone(zone(), 1) {
          @Override
          public ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
            return new ZoneChange.Unavailable("no answer within 5 s");
          }
        };
    assertThat(steps().mx().swapMx(migration(unreachable, false)))
        .isInstanceOf(StepResult.Unavailable.class);

    StepResult cancelled = steps().rollback().rollback(migration(false));

    assertThat(cancelled).as(cancelled.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());
    DnsChange swap = journal.changes("m-1").get(1);
    assertThat(swap.applied()).isFalse();
    assertThat(swap.rolledBack()).isTrue();
  }

  @Test
  void aRollbackKilledAfterItsZoneUpdateClosesTheChangesWhenRunAgain() {
    lowerAndWait();
    steps().mx().swapMx(migration(false));
    killedAfterTheUpdate(steps().rollback()::rollback);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());

    StepResult again = steps().rollback().rollback(migration(false));

    assertThat(again).as(again.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(read("example.test", RecordType.MX)).isEqualTo(originalMx());
    assertThat(journal.changes("m-1")).allSatisfy(c -> assertThat(c.rolledBack()).isTrue());
  }

  @Test
  void aChangeAnotherRunMadeMeanwhileIsConfirmedOnce() {
    lowerAndWait();
    DnsZone raced =
        new DyingZone(zone(), 1) {
          @Override
          public ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
            DnsRunbookStepsContract.this.zone().upsert(wanted, expected);
            return DnsRunbookStepsContract.this.zone().upsert(wanted, expected);
          }
        };

    StepResult result = steps().mx().swapMx(migration(raced, false));

    assertThat(result).as(result.toString()).isInstanceOf(StepResult.Done.class);
    assertThat(journal.changes("m-1"))
        .filteredOn(c -> c.step() == DnsStep.SWAP_MX)
        .singleElement()
        .satisfies(c -> assertThat(c.applied()).isTrue());
  }

  @Test
  void mxRecordsAlreadyAtTheTargetAreNotJournalledAsAChange() {
    zone().upsert(targetMx(300), Optional.of(originalMx()));

    StepResult result = steps().mx().swapMx(migration(false));
    MxPropagationCheck early =
        steps().mx().verifyMxPropagation(migration(false), Optional.of(START));
    clock.set(START.plusSeconds(3600));
    MxPropagationCheck later =
        steps().mx().verifyMxPropagation(migration(false), Optional.of(START));

    assertThat(result).isInstanceOf(StepResult.Done.class);
    assertThat(((StepResult.Done) result).summary()).contains("Cutover did not change them");
    assertThat(journal.changes("m-1")).isEmpty();
    assertThat(early.complete()).isFalse();
    assertThat(later.complete()).as(later.detail()).isTrue();
  }
}
