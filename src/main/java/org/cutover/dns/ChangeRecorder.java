package org.cutover.dns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the DNS steps share: journal a change before asking the zone for it, mark it applied once
 * the zone shows it, and turn the zone's answers into step results.
 */
final class ChangeRecorder {

  private static final Logger log = LoggerFactory.getLogger(ChangeRecorder.class);

  private final DnsChangeJournal journal;
  private final DnsLookups lookups;
  private final Clock clock;

  ChangeRecorder(DnsChangeJournal journal, DnsLookups lookups, Clock clock) {
    this.journal = journal;
    this.lookups = lookups;
    this.clock = clock;
  }

  DnsChangeJournal journal() {
    return journal;
  }

  /**
   * Journals the change, asks the zone for it, and turns the zone's answer into a step result. A
   * change already requested and not yet seen (e.g. waiting for the administrator) is reused.
   */
  StepResult change(
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
  void settle(DnsMigration m, DnsStep step, String name, RecordType type, Optional<RecordSet> now) {
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
  void observe(DnsMigration m, DnsStep step, RecordSet now) {
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

  Optional<DnsChange> latestApplied(DnsMigration m, DnsStep step) {
    return journal.changes(m.migrationId()).stream()
        .filter(c -> c.step() == step && c.applied() && !c.rolledBack())
        .reduce((first, second) -> second);
  }

  String seenNow(DnsMigration m, String name, RecordType type) {
    return lookups(m).authoritative(m.zone().zone(), name, type).describe();
  }

  static StepResult unreadable(ZoneRead read) {
    if (read instanceof ZoneRead.Rejected rejected) {
      return new StepResult.NeedsAdministrator(rejected.reason());
    }
    return new StepResult.Unavailable(read.describe());
  }

  StepResult done(DnsMigration m, String step, String summary) {
    log.info(
        "DNS step {} for migration {}: {}", step, m.migrationId(), summary.replace("\n", "; "));
    return new StepResult.Done(summary);
  }

  DnsLookups lookups(DnsMigration m) {
    return lookups.withAuthoritativeServers(m.authoritativeServers());
  }

  Instant now() {
    return clock.instant();
  }
}
