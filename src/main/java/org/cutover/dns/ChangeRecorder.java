package org.cutover.dns;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the DNS steps share: journal the intent of a change before asking the zone for it, confirm
 * it once the zone shows it, and turn the zone's answers into step results.
 *
 * <p>The journal commits every write at once, apart from the step's own transaction, so a process
 * that dies between the zone update and the end of the step leaves the intent behind: the step's
 * next run finds it, knows from its {@code before} what the zone held (never from the zone, which
 * may hold the {@code after} already), and either makes the change or confirms it. Times recorded
 * on confirmation are the moment the zone was seen holding the change, never earlier: for a lowered
 * TTL that is the safe end to count the old TTL from (the real change can only have been earlier,
 * so the wait is never cut short); for the MX swap a later switch time only makes the checks that
 * follow it stricter. {@code requestedAt} stays the earliest moment the change can have reached the
 * zone.
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
   * Journals the intent, asks the zone for the change, and turns the zone's answer into a step
   * result. {@code before} is what the zone holds now. An intent of an earlier run of the step is
   * reused when it asked for the same change, confirmed when the zone holds its {@code after} (it
   * was made but the run ended before it could say so), and otherwise discarded: the zone holds
   * nothing it asked for.
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
      } else if (pending.after().equals(before)) {
        confirm(m, pending, before);
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
      // The update may have reached the zone: the intent stays for the next run to settle.
      log.warn("DNS step {} for migration {}: {}", step, m.migrationId(), unavailable.reason());
      return new StepResult.Unavailable(unavailable.reason());
    }
    Optional<RecordSet> found = Optional.empty();
    String reason;
    if (result instanceof ZoneChange.Conflict conflict) {
      found = conflict.found();
      reason = conflict.detail() + " Check who changed it, then run the step again.";
    } else if (result instanceof ZoneChange.NotApplied notApplied) {
      found = notApplied.found();
      reason = notApplied.detail();
    } else {
      reason = ((ZoneChange.Rejected) result).reason();
    }
    if (after.isPresent() && found.equals(after)) {
      // Another run of this step made the very change since this one read the zone.
      confirm(m, entry, found);
      return done(m, step.name(), summary);
    }
    journal.discard(entry.id());
    log.warn("DNS step {} for migration {} refused: {}", step, m.migrationId(), reason);
    return new StepResult.NeedsAdministrator(reason);
  }

  private void confirm(DnsMigration m, DnsChange change, Optional<RecordSet> now) {
    journal.markApplied(change.id(), now(), now);
    log.info(
        "DNS step {} for migration {}: change of {} {} requested at {} found applied",
        change.step(),
        m.migrationId(),
        change.name(),
        change.type(),
        change.requestedAt());
  }

  /**
   * Confirms the step's open intents of this record set, found when the zone already shows the
   * step's goal ({@code now}): an earlier run made the change and ended before it could confirm it,
   * or the administrator made it by hand. The intent keeps its {@code before}; the confirmation
   * time is now, the first moment the change is known to be in the zone.
   */
  void settle(DnsMigration m, DnsStep step, String name, RecordType type, Optional<RecordSet> now) {
    for (DnsChange pending : pending(m, step, name, type)) {
      confirm(m, pending, now);
    }
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
