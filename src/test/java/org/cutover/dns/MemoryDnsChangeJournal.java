package org.cutover.dns;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A journal in memory for tests of the DNS steps; like the JDBC one, it keeps first marks. */
public final class MemoryDnsChangeJournal implements DnsChangeJournal {

  private final List<DnsChange> changes = new ArrayList<>();
  private long nextId = 1;

  @Override
  public synchronized DnsChange record(DnsChange change) {
    DnsChange stored =
        new DnsChange(
            nextId++,
            change.migrationId(),
            change.step(),
            change.name(),
            change.type(),
            change.before(),
            change.after(),
            change.requestedAt(),
            change.appliedAt(),
            change.rolledBackAt());
    changes.add(stored);
    return stored;
  }

  @Override
  public synchronized void markApplied(long id, Instant at, Optional<RecordSet> after) {
    if (find(id).applied()) {
      return;
    }
    replace(
        id,
        c ->
            new DnsChange(
                c.id(),
                c.migrationId(),
                c.step(),
                c.name(),
                c.type(),
                c.before(),
                after,
                c.requestedAt(),
                Optional.of(at),
                c.rolledBackAt()));
  }

  @Override
  public synchronized void markRolledBack(long id, Instant at) {
    if (find(id).rolledBack()) {
      return;
    }
    replace(
        id,
        c ->
            new DnsChange(
                c.id(),
                c.migrationId(),
                c.step(),
                c.name(),
                c.type(),
                c.before(),
                c.after(),
                c.requestedAt(),
                c.appliedAt(),
                Optional.of(at)));
  }

  @Override
  public synchronized void discard(long id) {
    changes.removeIf(c -> c.id() == id);
  }

  @Override
  public synchronized List<DnsChange> changes(String migrationId) {
    return changes.stream().filter(c -> c.migrationId().equals(migrationId)).toList();
  }

  private DnsChange find(long id) {
    return changes.stream()
        .filter(c -> c.id() == id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No DNS change " + id));
  }

  private void replace(long id, java.util.function.UnaryOperator<DnsChange> update) {
    for (int i = 0; i < changes.size(); i++) {
      if (changes.get(i).id() == id) {
        changes.set(i, update.apply(changes.get(i)));
        return;
      }
    }
    throw new IllegalArgumentException("No DNS change " + id);
  }
}
