package org.cutover.dns;

import java.util.Optional;

/**
 * A zone whose process dies right after one of its changes reached the DNS server: the change is
 * made for real, then {@link ProcessDeath} (an {@link Error}, which no step catches) unwinds the
 * step, so the surrounding job transaction rolls back and nothing after the update runs, as when
 * the process is killed between the zone update and the job's commit.
 */
class DyingZone implements DnsZone {

  private final DnsZone zone;
  private final Runnable death;
  private int changesToLive;

  /** Dies right after the {@code dyingChange}-th change (1 = the first). */
  DyingZone(DnsZone zone, int dyingChange) {
    this(zone, dyingChange, null);
  }

  /**
   * Runs {@code death} right after the {@code dyingChange}-th change instead of throwing (a child
   * process that says so and waits to be killed).
   */
  DyingZone(DnsZone zone, int dyingChange, Runnable death) {
    this.zone = zone;
    this.changesToLive = dyingChange;
    this.death = death;
  }

  @Override
  public String zone() {
    return zone.zone();
  }

  @Override
  public String describe() {
    return zone.describe();
  }

  @Override
  public ZoneRead read(String name, RecordType type) {
    return zone.read(name, type);
  }

  @Override
  public ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
    return dieAfter(zone.upsert(wanted, expected));
  }

  @Override
  public ZoneChange delete(RecordSet expected) {
    return dieAfter(zone.delete(expected));
  }

  private ZoneChange dieAfter(ZoneChange change) {
    if (--changesToLive == 0) {
      if (death != null) {
        death.run();
      }
      throw new ProcessDeath(change);
    }
    return change;
  }

  /** The process ended here; {@code change} is what the server answered just before. */
  static final class ProcessDeath extends Error {

    ProcessDeath(ZoneChange change) {
      super("process killed right after the zone answered " + change, null, false, false);
    }
  }
}
