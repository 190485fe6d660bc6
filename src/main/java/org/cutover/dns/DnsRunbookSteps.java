package org.cutover.dns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runbook's DNS steps for one migration at a time. Each step first reads the zone and changes
 * only what is not yet as wanted, so running it twice changes nothing more; each change is
 * journalled (before, after, when) before it is asked for and marked applied once the zone shows
 * it, so that {@link #rollback} can undo it. With a {@link GuidedZone} no step changes anything:
 * each answers {@link StepResult.HumanChangeNeeded} with the exact record set until the
 * authoritative servers show it.
 */
public final class DnsRunbookSteps {

  private static final Logger log = LoggerFactory.getLogger(DnsRunbookSteps.class);

  private final DnsLookups lookups;
  private final ChangeRecorder recorder;
  private final MxSteps mx;
  private final AutodiscoverStep autodiscover;
  private final SpfStep spf;
  private final RollbackStep rollback;
  private final DnsPlan plan;

  public DnsRunbookSteps(
      DnsChangeJournal journal, DnsLookups lookups, DnsRunbookRules rules, Clock clock) {
    this.lookups = lookups;
    this.recorder = new ChangeRecorder(journal, lookups, clock);
    this.mx = new MxSteps(recorder, rules);
    this.autodiscover = new AutodiscoverStep(recorder, rules);
    this.spf = new SpfStep(recorder, rules);
    this.rollback = new RollbackStep(recorder);
    this.plan = new DnsPlan(rules);
  }

  /** A zone changed by hand, read at its authoritative servers (or the ones given). */
  public DnsZone guidedZone(String zone, List<NameServer> authoritativeServers) {
    return new GuidedZone(zone, lookups.withAuthoritativeServers(authoritativeServers));
  }

  // ---------------------------------------------------------------- verify domain TXT

  /** Whether every authoritative server publishes the tenant's verification text at the domain. */
  public TxtCheck verifyDomainTxt(DnsMigration m) {
    if (m.verificationText() == null || m.verificationText().isBlank()) {
      return new TxtCheck(
          false,
          "Migration "
              + m.migrationId()
              + " has no domain verification text (MS=ms...); take it from the tenant first");
    }
    TxtCheck check =
        recorder.lookups(m).verifyTxt(m.zone().zone(), m.domain(), m.verificationText().strip());
    log.info(
        "DNS TXT {} for migration {} at {}: {}",
        m.verificationText().strip(),
        m.migrationId(),
        m.domain(),
        check.found() ? "found" : "not found");
    return check;
  }

  // ---------------------------------------------------------------- MX

  /**
   * Lowers the TTL of the domain's MX records to at most {@link DnsRunbookRules#maxMxTtl()}; a
   * lower TTL is kept. The original TTL is journalled for the swap's wait and the restore.
   */
  public StepResult lowerMxTtl(DnsMigration m) {
    return mx.lowerMxTtl(m);
  }

  /**
   * Replaces all MX records of the domain with the target's, never before the original TTL has run
   * out since it was lowered. The switch time is journalled ({@link #mxSwitchedAt}).
   */
  public StepResult swapMx(DnsMigration m) {
    return mx.swapMx(m);
  }

  /** When the MX records were switched to the target (empty when not, or rolled back). */
  public Optional<Instant> mxSwitchedAt(String migrationId) {
    return mx.switchedAt(migrationId);
  }

  /**
   * Whether every authoritative server (same SOA serial) and every resolver answers the target's MX
   * records, and the MX TTL in force before the switch has run out since the switch.
   */
  public MxPropagationCheck verifyMxPropagation(DnsMigration m) {
    return mx.verifyMxPropagation(m, Optional.empty());
  }

  /**
   * As {@link #verifyMxPropagation(DnsMigration)}; when the records pointed to the target before
   * the swap step (no swap of this migration is journalled), {@code recordedSwitch} is the moment
   * the process took as the switch.
   */
  public MxPropagationCheck verifyMxPropagation(DnsMigration m, Optional<Instant> recordedSwitch) {
    return mx.verifyMxPropagation(m, recordedSwitch);
  }

  /** Gives the MX records the TTL they had before {@link #lowerMxTtl} lowered it. */
  public StepResult restoreMxTtl(DnsMigration m) {
    return mx.restoreMxTtl(m);
  }

  // ---------------------------------------------------------------- Autodiscover, SPF

  /**
   * Creates the CNAME {@code autodiscover.<domain>} to the target. Records already at that name (on
   * premises Exchange usually has one) are removed first, but only with the migration's consent.
   */
  public StepResult createAutodiscover(DnsMigration m) {
    return autodiscover.createAutodiscover(m);
  }

  /**
   * Adds {@code include:<spf-include>} to the domain's SPF record keeping every other term, or
   * creates {@code v=spf1 include:<spf-include> -all} when there is none. Other TXT records stay
   * exactly as they are.
   */
  public StepResult mergeSpf(DnsMigration m) {
    return spf.mergeSpf(m);
  }

  // ---------------------------------------------------------------- plan (reads only)

  /** What {@link #lowerMxTtl} would change, as "now → planned"; reads the zone only. */
  public String planMxTtl(DnsMigration m) {
    return plan.mxTtl(m);
  }

  /**
   * What {@link #swapMx} would change, as "now → planned"; reads the zone only. Without MX targets
   * the line says the target has not named them yet.
   */
  public String planSwapMx(DnsMigration m) {
    return plan.swapMx(m);
  }

  /** What {@link #createAutodiscover} would change, as "now → planned"; reads the zone only. */
  public String planAutodiscover(DnsMigration m) {
    return plan.autodiscover(m);
  }

  /** What {@link #mergeSpf} would change, as "now → planned"; reads the zone only. */
  public String planSpf(DnsMigration m) {
    return plan.spf(m);
  }

  // ---------------------------------------------------------------- rollback

  /**
   * Undoes every journalled change of the migration, newest first, each only if the zone still
   * holds what Cutover wrote (records and TTL). Consecutive changes of one record set are undone in
   * one step, straight back to what it held before the oldest of them. A record set someone changed
   * since is left alone and reported.
   */
  public StepResult rollback(DnsMigration m) {
    return rollback.rollback(m);
  }

  /** Every journalled change of the migration, oldest first (for reports). */
  public List<DnsChange> changes(String migrationId) {
    return recorder.journal().changes(migrationId);
  }
}
