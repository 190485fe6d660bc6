package org.cutover.dns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Undoes a migration's journalled DNS changes, guarded by what Cutover wrote. */
public final class RollbackStep {

  private static final Logger log = LoggerFactory.getLogger(RollbackStep.class);

  private final ChangeRecorder recorder;

  RollbackStep(ChangeRecorder recorder) {
    this.recorder = recorder;
  }

  // ---------------------------------------------------------------- rollback

  /** Whether the migration has a journalled change not yet rolled back. */
  public boolean anythingToUndo(String migrationId) {
    return recorder.journal().changes(migrationId).stream().anyMatch(c -> !c.rolledBack());
  }

  /**
   * Undoes every journalled change of the migration, newest first, each only if the zone still
   * holds what Cutover wrote (records and TTL). Consecutive changes of one record set are undone in
   * one step, straight back to what it held before the oldest of them. A record set someone changed
   * since is left alone and reported.
   *
   * <p>Intents not yet confirmed count as well: a step may have died between the zone update and
   * its confirmation. One whose {@code after} the zone holds is confirmed and undone like any
   * other; one whose {@code before} the zone holds never took effect (or was undone already) and is
   * closed. A rollback that dies between its zone update and its journal writes finds, when run
   * again, the zone holding the {@code before} of an older change and closes every newer one.
   */
  public StepResult rollback(DnsMigration m) {
    List<DnsChange> newestFirst = new ArrayList<>(recorder.journal().changes(m.migrationId()));
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
        return ChangeRecorder.unreadable(read);
      }
      Optional<RecordSet> current = read.known().get();
      Optional<RecordSet> state = current;
      List<DnsChange> chain = new ArrayList<>();
      for (int i = 0; i < group.size(); i++) {
        DnsChange change = group.get(i);
        if (state.equals(change.after()) && !state.equals(change.before())) {
          if (!change.applied()) {
            recorder.journal().markApplied(change.id(), recorder.now(), state);
          }
          chain.add(change);
          state = change.before();
          continue;
        }
        int untilOlder = olderWithBefore(group, i, state);
        if (untilOlder >= 0) {
          // The zone holds what it held before these: none of them is in effect any more.
          for (DnsChange closed : group.subList(i, untilOlder + 1)) {
            recorder.journal().markRolledBack(closed.id(), recorder.now());
          }
          i = untilOlder;
        } else if (!change.applied()) {
          recorder.journal().discard(change.id());
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
        chain.forEach(change -> recorder.journal().markRolledBack(change.id(), recorder.now()));
        undone.add(what);
        log.info("DNS rollback for migration {}: {}", m.migrationId(), what);
      } else if (result instanceof ZoneChange.NeedsHuman human) {
        return new StepResult.HumanChangeNeeded(
            human.instruction(), recorder.seenNow(m, name, type));
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
    return recorder.done(
        m,
        "rollback",
        undone.isEmpty()
            ? "No DNS change of migration " + m.migrationId() + " left to undo"
            : "Restored " + undone.size() + " record set(s):\n" + String.join("\n", undone));
  }

  /**
   * The oldest change from {@code from} on (newest first) whose {@code before} the zone holds, or
   * -1: the zone is back where it was before that change.
   */
  private static int olderWithBefore(
      List<DnsChange> newestFirst, int from, Optional<RecordSet> zone) {
    for (int j = newestFirst.size() - 1; j >= from; j--) {
      if (newestFirst.get(j).before().equals(zone)) {
        return j;
      }
    }
    return -1;
  }

  private static String text(Optional<RecordSet> set) {
    return set.map(s -> "TTL " + s.ttl() + " " + String.join(", ", s.values())).orElse("(none)");
  }
}
