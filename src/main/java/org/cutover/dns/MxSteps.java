package org.cutover.dns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MX steps: lower the TTL, swap the records, check propagation, restore the TTL. */
public final class MxSteps {

  private static final Logger log = LoggerFactory.getLogger(MxSteps.class);

  private final ChangeRecorder recorder;
  private final DnsRunbookRules rules;

  MxSteps(ChangeRecorder recorder, DnsRunbookRules rules) {
    this.recorder = recorder;
    this.rules = rules;
  }

  // ---------------------------------------------------------------- lower MX TTL

  /**
   * Lowers the TTL of the domain's MX records to at most {@link DnsRunbookRules#maxMxTtl()}; a
   * lower TTL is kept. The original TTL is journalled for the swap's wait and the restore.
   */
  public StepResult lowerMxTtl(DnsMigration m) {
    long max = m.maxMxTtl(rules).toSeconds();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    if (read.known().isEmpty()) {
      return ChangeRecorder.unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    if (current.isEmpty()) {
      return recorder.done(
          m, "lower MX TTL", m.domain() + " has no MX records; there is no TTL to lower");
    }
    RecordSet mx = current.get();
    if (mx.ttl() <= max) {
      recorder.settle(m, DnsStep.LOWER_MX_TTL, mx.name(), RecordType.MX, current);
      Optional<DnsChange> lowered = recorder.latestApplied(m, DnsStep.LOWER_MX_TTL);
      String when =
          lowered
              .map(c -> "; lowered from " + c.before().get().ttl() + " s at " + c.appliedAt().get())
              .orElse("");
      return recorder.done(
          m, "lower MX TTL", "The MX TTL of " + m.domain() + " is " + mx.ttl() + " s" + when);
    }
    RecordSet wanted = mx.withTtl(max);
    Instant safeAt = recorder.now().plusSeconds(mx.ttl());
    return recorder.change(
        m,
        DnsStep.LOWER_MX_TTL,
        current,
        Optional.of(wanted),
        "MX TTL of "
            + m.domain()
            + " lowered from "
            + mx.ttl()
            + " s to "
            + max
            + " s; the MX swap is safe from "
            + safeAt);
  }

  // ---------------------------------------------------------------- swap MX

  /**
   * Replaces all MX records of the domain with the target's, never before the original TTL has run
   * out since it was lowered. The switch time is journalled ({@link #switchedAt}).
   */
  public StepResult swapMx(DnsMigration m) {
    if (m.mxTargets().isEmpty()) {
      return new StepResult.NeedsAdministrator(
          "Migration "
              + m.migrationId()
              + " has no MX target; take it from the tenant's service configuration records");
    }
    long max = m.maxMxTtl(rules).toSeconds();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    if (read.known().isEmpty()) {
      return ChangeRecorder.unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    List<String> targets = m.mxTargets().stream().map(MxTarget::value).toList();
    RecordSet target =
        new RecordSet(
            m.domain(),
            RecordType.MX,
            current.map(c -> Math.min(c.ttl(), max)).orElse(max),
            targets);
    if (current.isPresent() && current.get().sameRecords(target)) {
      recorder.settle(m, DnsStep.SWAP_MX, m.domain(), RecordType.MX, current);
      Optional<Instant> since = switchedAt(m.migrationId());
      // Records already pointing to the target without a swap of ours (set by hand, or by an
      // earlier wave of the domain) are not journalled: there is nothing of ours to undo.
      return recorder.done(
          m,
          "swap MX",
          "The MX records of "
              + m.domain()
              + " point to "
              + String.join(", ", targets)
              + since
                  .map(at -> " since " + at)
                  .orElse("; they did before this step, Cutover did not change them"));
    }
    Optional<DnsChange> lowered = recorder.latestApplied(m, DnsStep.LOWER_MX_TTL);
    if (lowered.isPresent()) {
      long oldTtl = lowered.get().before().map(RecordSet::ttl).orElse(0L);
      Instant safeAt = lowered.get().appliedAt().get().plusSeconds(oldTtl);
      if (recorder.now().isBefore(safeAt)) {
        log.info("MX swap for migration {} not yet: safe at {}", m.migrationId(), safeAt);
        return new StepResult.NotYet(
            safeAt,
            "The MX TTL of "
                + m.domain()
                + " was lowered from "
                + oldTtl
                + " s at "
                + lowered.get().appliedAt().get()
                + "; resolvers may keep the old MX records until "
                + safeAt
                + ", so the swap waits until then");
      }
    } else if (current.isPresent() && current.get().ttl() > max) {
      return new StepResult.NeedsAdministrator(
          "The MX TTL of "
              + m.domain()
              + " is "
              + current.get().ttl()
              + " s and was not lowered by Cutover; run 'Lower MX TTL' first. The swap is safe"
              + " one old TTL after that");
    }
    return recorder.change(
        m,
        DnsStep.SWAP_MX,
        current,
        Optional.of(target),
        "MX records of "
            + m.domain()
            + " switched at "
            + recorder.now()
            + " from "
            + current.map(c -> String.join(", ", c.values())).orElse("(none)")
            + " to "
            + String.join(", ", targets));
  }

  /** When the MX records were switched to the target (empty when not, or rolled back). */
  public Optional<Instant> switchedAt(String migrationId) {
    return recorder.journal().changes(migrationId).stream()
        .filter(c -> c.step() == DnsStep.SWAP_MX && c.applied() && !c.rolledBack())
        .reduce((first, second) -> second)
        .flatMap(DnsChange::appliedAt);
  }

  // ---------------------------------------------------------------- verify MX propagation

  /**
   * Whether every authoritative server (same SOA serial) and every resolver answers the target's MX
   * records, and the MX TTL in force before the switch has run out since the switch. When the
   * records pointed to the target before the swap step (no swap of this migration is journalled),
   * {@code recordedSwitch} is the moment the process took as the switch.
   */
  public MxPropagationCheck verifyMxPropagation(DnsMigration m, Optional<Instant> recordedSwitch) {
    Optional<DnsChange> swap = recorder.latestApplied(m, DnsStep.SWAP_MX);
    if (swap.isEmpty() && recordedSwitch.isEmpty()) {
      return new MxPropagationCheck(
          false, "The MX records of " + m.domain() + " have not been switched yet");
    }
    RecordSet expected =
        new RecordSet(
            m.domain(),
            RecordType.MX,
            m.maxMxTtl(rules).toSeconds(),
            m.mxTargets().stream().map(MxTarget::value).toList());
    PropagationReport report = recorder.lookups(m).propagation(m.zone().zone(), expected);
    // Without a swap of ours (the records pointed to the target already) neither the old TTL nor
    // the moment is known: the rule's longest MX TTL from the switch time the process recorded.
    long oldTtl =
        swap.map(s -> s.before().map(RecordSet::ttl).orElse(0L))
            .orElse(m.maxMxTtl(rules).toSeconds());
    Instant cachesClear =
        swap.map(s -> s.appliedAt().get()).orElseGet(recordedSwitch::get).plusSeconds(oldTtl);
    boolean cachesExpired = !recorder.now().isBefore(cachesClear);
    String caches =
        cachesExpired
            ? "The old MX records (TTL "
                + oldTtl
                + " s) have expired from caches since "
                + cachesClear
            : "Caches may hold the old MX records (TTL " + oldTtl + " s) until " + cachesClear;
    boolean complete = report.complete() && cachesExpired;
    log.info(
        "MX propagation for migration {}: {}",
        m.migrationId(),
        complete ? "complete" : "incomplete");
    return new MxPropagationCheck(complete, report.detail() + "\n" + caches);
  }

  // ---------------------------------------------------------------- restore MX TTL

  /** Gives the MX records the TTL they had before {@link #lowerMxTtl} lowered it. */
  public StepResult restoreMxTtl(DnsMigration m) {
    Optional<DnsChange> lowered = recorder.latestApplied(m, DnsStep.LOWER_MX_TTL);
    if (lowered.isEmpty() || lowered.get().before().isEmpty()) {
      return recorder.done(
          m,
          "restore MX TTL",
          "Cutover did not lower the MX TTL of " + m.domain() + "; nothing to restore");
    }
    long original = lowered.get().before().get().ttl();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    if (read.known().isEmpty()) {
      return ChangeRecorder.unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    if (current.isEmpty()) {
      return recorder.done(
          m, "restore MX TTL", m.domain() + " has no MX records; there is no TTL to restore");
    }
    if (current.get().ttl() == original) {
      recorder.settle(m, DnsStep.RESTORE_MX_TTL, m.domain(), RecordType.MX, current);
      return recorder.done(
          m, "restore MX TTL", "The MX TTL of " + m.domain() + " is " + original + " s again");
    }
    return recorder.change(
        m,
        DnsStep.RESTORE_MX_TTL,
        current,
        Optional.of(current.get().withTtl(original)),
        "MX TTL of "
            + m.domain()
            + " restored from "
            + current.get().ttl()
            + " s to "
            + original
            + " s");
  }
}
