package org.cutover.dns;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  private final DnsChangeJournal journal;
  private final DnsLookups lookups;
  private final DnsRunbookRules rules;
  private final Clock clock;

  public DnsRunbookSteps(
      DnsChangeJournal journal, DnsLookups lookups, DnsRunbookRules rules, Clock clock) {
    this.journal = journal;
    this.lookups = lookups;
    this.rules = rules;
    this.clock = clock;
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
        lookups(m).verifyTxt(m.zone().zone(), m.domain(), m.verificationText().strip());
    log.info(
        "DNS TXT {} for migration {} at {}: {}",
        m.verificationText().strip(),
        m.migrationId(),
        m.domain(),
        check.found() ? "found" : "not found");
    return check;
  }

  // ---------------------------------------------------------------- lower MX TTL

  /**
   * Lowers the TTL of the domain's MX records to at most {@link DnsRunbookRules#maxMxTtl()}; a
   * lower TTL is kept. The original TTL is journalled for the swap's wait and the restore.
   */
  public StepResult lowerMxTtl(DnsMigration m) {
    long max = rules.maxMxTtl().toSeconds();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    if (read.known().isEmpty()) {
      return unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    if (current.isEmpty()) {
      return done(m, "lower MX TTL", m.domain() + " has no MX records; there is no TTL to lower");
    }
    RecordSet mx = current.get();
    if (mx.ttl() <= max) {
      settle(m, DnsStep.LOWER_MX_TTL, mx.name(), RecordType.MX, current);
      Optional<DnsChange> lowered = latestApplied(m, DnsStep.LOWER_MX_TTL);
      String when =
          lowered
              .map(c -> "; lowered from " + c.before().get().ttl() + " s at " + c.appliedAt().get())
              .orElse("");
      return done(
          m, "lower MX TTL", "The MX TTL of " + m.domain() + " is " + mx.ttl() + " s" + when);
    }
    RecordSet wanted = mx.withTtl(max);
    Instant safeAt = now().plusSeconds(mx.ttl());
    return change(
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
   * out since it was lowered. The switch time is journalled ({@link #mxSwitchedAt}).
   */
  public StepResult swapMx(DnsMigration m) {
    if (m.mxTargets().isEmpty()) {
      return new StepResult.NeedsAdministrator(
          "Migration "
              + m.migrationId()
              + " has no MX target; take it from the tenant's service configuration records");
    }
    long max = rules.maxMxTtl().toSeconds();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    if (read.known().isEmpty()) {
      return unreadable(read);
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
      settle(m, DnsStep.SWAP_MX, m.domain(), RecordType.MX, current);
      if (latestApplied(m, DnsStep.SWAP_MX).isEmpty()) {
        observe(m, DnsStep.SWAP_MX, current.get());
      }
      return done(
          m,
          "swap MX",
          "The MX records of "
              + m.domain()
              + " point to "
              + String.join(", ", targets)
              + " since "
              + mxSwitchedAt(m.migrationId()).orElse(now()));
    }
    Optional<DnsChange> lowered = latestApplied(m, DnsStep.LOWER_MX_TTL);
    if (lowered.isPresent()) {
      long oldTtl = lowered.get().before().map(RecordSet::ttl).orElse(0L);
      Instant safeAt = lowered.get().appliedAt().get().plusSeconds(oldTtl);
      if (now().isBefore(safeAt)) {
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
    return change(
        m,
        DnsStep.SWAP_MX,
        current,
        Optional.of(target),
        "MX records of "
            + m.domain()
            + " switched at "
            + now()
            + " from "
            + current.map(c -> String.join(", ", c.values())).orElse("(none)")
            + " to "
            + String.join(", ", targets));
  }

  /** When the MX records were switched to the target (empty when not, or rolled back). */
  public Optional<Instant> mxSwitchedAt(String migrationId) {
    return journal.changes(migrationId).stream()
        .filter(c -> c.step() == DnsStep.SWAP_MX && c.applied() && !c.rolledBack())
        .reduce((first, second) -> second)
        .flatMap(DnsChange::appliedAt);
  }

  // ---------------------------------------------------------------- verify MX propagation

  /**
   * Whether every authoritative server (same SOA serial) and every resolver answers the target's MX
   * records, and the MX TTL in force before the switch has run out since the switch.
   */
  public MxPropagationCheck verifyMxPropagation(DnsMigration m) {
    Optional<DnsChange> swap = latestApplied(m, DnsStep.SWAP_MX);
    if (swap.isEmpty()) {
      return new MxPropagationCheck(
          false, "The MX records of " + m.domain() + " have not been switched yet");
    }
    RecordSet expected =
        new RecordSet(
            m.domain(),
            RecordType.MX,
            rules.maxMxTtl().toSeconds(),
            m.mxTargets().stream().map(MxTarget::value).toList());
    PropagationReport report = lookups(m).propagation(m.zone().zone(), expected);
    long oldTtl = swap.get().before().map(RecordSet::ttl).orElse(0L);
    Instant cachesClear = swap.get().appliedAt().get().plusSeconds(oldTtl);
    boolean cachesExpired = !now().isBefore(cachesClear);
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

  // ---------------------------------------------------------------- Autodiscover

  /**
   * Creates the CNAME {@code autodiscover.<domain>} to the target. Records already at that name (on
   * premises Exchange usually has one) are removed first, but only with the migration's consent.
   */
  public StepResult createAutodiscover(DnsMigration m) {
    String name = DnsNames.below(rules.autodiscoverLabel(), m.domain());
    RecordSet wanted =
        RecordSet.of(
            name,
            RecordType.CNAME,
            rules.autodiscoverTtl().toSeconds(),
            rules.autodiscoverTarget());
    ZoneRead cnameRead = m.zone().read(name, RecordType.CNAME);
    if (cnameRead.known().isEmpty()) {
      return unreadable(cnameRead);
    }
    Optional<RecordSet> cname = cnameRead.known().get();
    if (cname.isPresent() && cname.get().sameRecords(wanted)) {
      settle(m, DnsStep.AUTODISCOVER_CNAME, name, RecordType.CNAME, cname);
      return done(
          m, "create Autodiscover", name + " already points to " + rules.autodiscoverTarget());
    }
    List<RecordSet> inTheWay = new ArrayList<>();
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA, RecordType.TXT, RecordType.MX)) {
      ZoneRead read = m.zone().read(name, type);
      if (read.known().isEmpty()) {
        return unreadable(read);
      }
      if (read.known().get().isPresent()) {
        inTheWay.add(read.known().get().get());
      } else {
        settle(m, DnsStep.AUTODISCOVER_CLEAR, name, type, Optional.empty());
      }
    }
    cname.ifPresent(inTheWay::add);
    if (!inTheWay.isEmpty() && !m.autodiscoverConsent()) {
      return new StepResult.NeedsAdministrator(
          name
              + " already holds "
              + String.join(
                  "; ", inTheWay.stream().map(s -> s.describe().replace("\n", "; ")).toList())
              + ". Microsoft 365 needs "
              + wanted.describe()
              + " instead. Cutover replaces these records only with your consent: give it in the"
              + " migration's settings (they are restored on rollback), or change them yourself");
    }
    for (RecordSet other : inTheWay) {
      if (other.type() == RecordType.CNAME) {
        continue;
      }
      StepResult cleared =
          change(
              m,
              DnsStep.AUTODISCOVER_CLEAR,
              Optional.of(other),
              Optional.empty(),
              "Removed " + other.type() + " records of " + name);
      if (!(cleared instanceof StepResult.Done)) {
        return cleared;
      }
    }
    return change(
        m,
        DnsStep.AUTODISCOVER_CNAME,
        cname,
        Optional.of(wanted),
        "Autodiscover CNAME " + name + " -> " + rules.autodiscoverTarget() + " created");
  }

  // ---------------------------------------------------------------- SPF

  /**
   * Adds {@code include:<spf-include>} to the domain's SPF record keeping every other term, or
   * creates {@code v=spf1 include:<spf-include> -all} when there is none. Other TXT records stay
   * exactly as they are.
   */
  public StepResult mergeSpf(DnsMigration m) {
    ZoneRead read = m.zone().read(m.domain(), RecordType.TXT);
    if (read.known().isEmpty()) {
      return unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    List<String> values = current.map(RecordSet::values).orElse(List.of());
    List<String> texts = current.map(RecordSet::texts).orElse(List.of());
    List<Integer> spf = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (SpfRecord.isSpf(texts.get(i))) {
        spf.add(i);
      }
    }
    if (spf.size() > 1) {
      return new StepResult.NeedsAdministrator(
          m.domain()
              + " has "
              + spf.size()
              + " SPF records, which makes SPF fail for every message (RFC 7208 permerror);"
              + " merge them into one by hand, then run the step again");
    }
    String include = rules.spfInclude();
    SpfRecord merged;
    List<String> wantedTexts = new ArrayList<>();
    if (spf.isEmpty()) {
      merged = SpfRecord.only(include);
    } else {
      SpfRecord existing = SpfRecord.parse(texts.get(spf.get(0)));
      if (existing.includes(include)) {
        settle(m, DnsStep.SPF, m.domain(), RecordType.TXT, current);
        return done(
            m, "merge SPF", "The SPF record of " + m.domain() + " already has include:" + include);
      }
      Optional<String> other = existing.includeWithOtherQualifier(include);
      if (other.isPresent()) {
        return new StepResult.NeedsAdministrator(
            "The SPF record of "
                + m.domain()
                + " has '"
                + other.get()
                + "', which blocks mail sent through Microsoft 365; change it by hand");
      }
      merged = existing.withInclude(include);
    }
    if (merged.dnsLookups() > SpfRecord.MAX_DNS_LOOKUPS) {
      return new StepResult.NeedsAdministrator(
          "Adding include:"
              + include
              + " to the SPF record of "
              + m.domain()
              + " would make "
              + merged.dnsLookups()
              + " DNS look-ups, above SPF's limit of 10 (RFC 7208); flatten some includes by hand");
    }
    wantedTexts.add(merged.text());
    List<String> wantedValues = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!spf.contains(i)) {
        wantedValues.add(values.get(i));
      }
    }
    wantedValues.add(RecordSet.txt(m.domain(), 0, wantedTexts).values().get(0));
    long ttl = current.map(RecordSet::ttl).orElse(rules.newTxtTtl().toSeconds());
    RecordSet wanted = new RecordSet(m.domain(), RecordType.TXT, ttl, wantedValues);
    return change(
        m,
        DnsStep.SPF,
        current,
        Optional.of(wanted),
        "SPF record of " + m.domain() + " is now: " + merged.text());
  }

  // ---------------------------------------------------------------- restore MX TTL

  /** Gives the MX records the TTL they had before {@link #lowerMxTtl} lowered it. */
  public StepResult restoreMxTtl(DnsMigration m) {
    Optional<DnsChange> lowered = latestApplied(m, DnsStep.LOWER_MX_TTL);
    if (lowered.isEmpty() || lowered.get().before().isEmpty()) {
      return done(
          m,
          "restore MX TTL",
          "Cutover did not lower the MX TTL of " + m.domain() + "; nothing to restore");
    }
    long original = lowered.get().before().get().ttl();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    if (read.known().isEmpty()) {
      return unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    if (current.isEmpty()) {
      return done(
          m, "restore MX TTL", m.domain() + " has no MX records; there is no TTL to restore");
    }
    if (current.get().ttl() == original) {
      settle(m, DnsStep.RESTORE_MX_TTL, m.domain(), RecordType.MX, current);
      return done(
          m, "restore MX TTL", "The MX TTL of " + m.domain() + " is " + original + " s again");
    }
    return change(
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

  // ---------------------------------------------------------------- rollback

  /**
   * Undoes every journalled change of the migration, newest first, each only if the zone still
   * holds what Cutover wrote (records and TTL). Consecutive changes of one record set are undone in
   * one step, straight back to what it held before the oldest of them. A record set someone changed
   * since is left alone and reported.
   */
  public StepResult rollback(DnsMigration m) {
    List<DnsChange> newestFirst = new ArrayList<>(journal.changes(m.migrationId()));
    newestFirst.sort(Comparator.comparingLong(DnsChange::id).reversed());
    Map<String, List<DnsChange>> byRecordSet = new LinkedHashMap<>();
    for (DnsChange change : newestFirst) {
      if (!change.rolledBack()) {
        byRecordSet
            .computeIfAbsent(change.name() + " " + change.type(), k -> new ArrayList<>())
            .add(change);
      }
    }
    List<String> undone = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    for (List<DnsChange> group : byRecordSet.values()) {
      String name = group.get(0).name();
      RecordType type = group.get(0).type();
      ZoneRead read = m.zone().read(name, type);
      if (read.known().isEmpty()) {
        return unreadable(read);
      }
      Optional<RecordSet> current = read.known().get();
      Optional<RecordSet> state = current;
      List<DnsChange> chain = new ArrayList<>();
      for (DnsChange change : group) {
        if (state.equals(change.before())) {
          journal.markRolledBack(change.id(), now());
        } else if (state.equals(change.after())) {
          chain.add(change);
          state = change.before();
        } else if (!change.applied()) {
          journal.discard(change.id());
        } else {
          conflicts.add(
              change.describe()
                  + ": the zone now holds "
                  + text(state)
                  + ", not what Cutover wrote; left as is");
          break;
        }
      }
      if (chain.isEmpty()) {
        continue;
      }
      ZoneChange result =
          state.isPresent()
              ? m.zone().upsert(state.get(), current)
              : m.zone().delete(current.get());
      String what = name + " " + type + " back to " + text(state);
      if (result instanceof ZoneChange.Applied) {
        chain.forEach(change -> journal.markRolledBack(change.id(), now()));
        undone.add(what);
        log.info("DNS rollback for migration {}: {}", m.migrationId(), what);
      } else if (result instanceof ZoneChange.NeedsHuman human) {
        return new StepResult.HumanChangeNeeded(human.instruction(), seenNow(m, name, type));
      } else if (result instanceof ZoneChange.Unavailable unavailable) {
        return new StepResult.Unavailable(unavailable.reason());
      } else if (result instanceof ZoneChange.Conflict conflict) {
        conflicts.add(what + ": " + conflict.detail());
      } else if (result instanceof ZoneChange.NotApplied notApplied) {
        conflicts.add(what + ": " + notApplied.detail());
      } else {
        conflicts.add(what + ": " + ((ZoneChange.Rejected) result).reason());
      }
    }
    if (!conflicts.isEmpty()) {
      log.warn(
          "DNS rollback for migration {}: {} record set(s) restored, {} left",
          m.migrationId(),
          undone.size(),
          conflicts.size());
      return new StepResult.NeedsAdministrator(
          "Restored "
              + undone.size()
              + " record set(s); "
              + conflicts.size()
              + " could not be, because the zone changed since Cutover wrote it:\n"
              + String.join("\n", conflicts)
              + "\nRestore these by hand if needed, then run the rollback again");
    }
    return done(
        m,
        "rollback",
        undone.isEmpty()
            ? "No DNS change of migration " + m.migrationId() + " left to undo"
            : "Restored " + undone.size() + " record set(s):\n" + String.join("\n", undone));
  }

  private static String text(Optional<RecordSet> set) {
    return set.map(s -> "TTL " + s.ttl() + " " + String.join(", ", s.values())).orElse("(none)");
  }

  /** Every journalled change of the migration, oldest first (for reports). */
  public List<DnsChange> changes(String migrationId) {
    return journal.changes(migrationId);
  }

  // ---------------------------------------------------------------- shared

  /**
   * Journals the change, asks the zone for it, and turns the zone's answer into a step result. A
   * change already requested and not yet seen (e.g. waiting for the administrator) is reused.
   */
  private StepResult change(
      DnsMigration m,
      DnsStep step,
      Optional<RecordSet> before,
      Optional<RecordSet> after,
      String summary) {
    String name = after.or(() -> before).get().name();
    RecordType type = after.or(() -> before).get().type();
    DnsChange entry = null;
    for (DnsChange pending : pending(m, step, name, type)) {
      if (entry == null && pending.before().equals(before) && pending.after().equals(after)) {
        entry = pending;
      } else {
        journal.discard(pending.id());
      }
    }
    if (entry == null) {
      entry =
          journal.record(
              DnsChange.requested(m.migrationId(), step, name, type, before, after, now()));
    }
    ZoneChange result =
        after.isPresent() ? m.zone().upsert(after.get(), before) : m.zone().delete(before.get());
    if (result instanceof ZoneChange.Applied applied) {
      journal.markApplied(entry.id(), now(), applied.now());
      return done(m, step.name(), summary);
    }
    if (result instanceof ZoneChange.NeedsHuman human) {
      log.info(
          "DNS step {} for migration {} waits for a change by hand of {} {}",
          step,
          m.migrationId(),
          name,
          type);
      return new StepResult.HumanChangeNeeded(human.instruction(), seenNow(m, name, type));
    }
    if (result instanceof ZoneChange.Unavailable unavailable) {
      log.warn("DNS step {} for migration {}: {}", step, m.migrationId(), unavailable.reason());
      return new StepResult.Unavailable(unavailable.reason());
    }
    journal.discard(entry.id());
    String reason;
    if (result instanceof ZoneChange.Conflict conflict) {
      reason = conflict.detail() + " Check who changed it, then run the step again.";
    } else if (result instanceof ZoneChange.NotApplied notApplied) {
      reason = notApplied.detail();
    } else {
      reason = ((ZoneChange.Rejected) result).reason();
    }
    log.warn("DNS step {} for migration {} refused: {}", step, m.migrationId(), reason);
    return new StepResult.NeedsAdministrator(reason);
  }

  /** Marks the step's waiting changes of this record set as applied: the zone shows the goal. */
  private void settle(
      DnsMigration m, DnsStep step, String name, RecordType type, Optional<RecordSet> now) {
    for (DnsChange pending : pending(m, step, name, type)) {
      journal.markApplied(pending.id(), now(), now);
      log.info(
          "DNS step {} for migration {}: change of {} {} seen applied",
          step,
          m.migrationId(),
          name,
          type);
    }
  }

  /** Journals a state the step found already reached (so the switch time is known). */
  private void observe(DnsMigration m, DnsStep step, RecordSet now) {
    DnsChange entry =
        journal.record(
            DnsChange.requested(
                m.migrationId(),
                step,
                now.name(),
                now.type(),
                Optional.of(now),
                Optional.of(now),
                now()));
    journal.markApplied(entry.id(), now(), Optional.of(now));
  }

  private List<DnsChange> pending(DnsMigration m, DnsStep step, String name, RecordType type) {
    String owner = DnsNames.absolute(name);
    return journal.changes(m.migrationId()).stream()
        .filter(c -> c.step() == step && c.name().equals(owner) && c.type() == type)
        .filter(c -> !c.applied() && !c.rolledBack())
        .toList();
  }

  private Optional<DnsChange> latestApplied(DnsMigration m, DnsStep step) {
    return journal.changes(m.migrationId()).stream()
        .filter(c -> c.step() == step && c.applied() && !c.rolledBack())
        .reduce((first, second) -> second);
  }

  private String seenNow(DnsMigration m, String name, RecordType type) {
    return lookups(m).authoritative(m.zone().zone(), name, type).describe();
  }

  private static StepResult unreadable(ZoneRead read) {
    if (read instanceof ZoneRead.Rejected rejected) {
      return new StepResult.NeedsAdministrator(rejected.reason());
    }
    return new StepResult.Unavailable(read.describe());
  }

  private StepResult done(DnsMigration m, String step, String summary) {
    log.info(
        "DNS step {} for migration {}: {}", step, m.migrationId(), summary.replace("\n", "; "));
    return new StepResult.Done(summary);
  }

  private DnsLookups lookups(DnsMigration m) {
    return lookups.withAuthoritativeServers(m.authoritativeServers());
  }

  private Instant now() {
    return clock.instant();
  }
}
