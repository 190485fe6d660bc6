package org.cutover.dns;

import java.util.Optional;

/**
 * A zone that no API changes: an administrator does it by hand (a DNS host without an API, Windows
 * DNS that takes only Kerberos-signed updates, or a guided migration). Reads ask every
 * authoritative server; a change that is not yet visible comes back as {@link
 * ZoneChange.NeedsHuman} with the exact record set to set, and as {@link ZoneChange.Applied} once
 * every authoritative server answers it.
 */
public final class GuidedZone implements DnsZone {

  private final String zone;
  private final DnsLookups lookups;

  public GuidedZone(String zone, DnsLookups lookups) {
    this.zone = DnsNames.absolute(zone);
    this.lookups = lookups;
  }

  @Override
  public String zone() {
    return zone;
  }

  @Override
  public String describe() {
    return "zone " + zone + " changed by hand at its DNS host (guided)";
  }

  @Override
  public ZoneRead read(String name, RecordType type) {
    AuthoritativeView view = lookups.authoritative(zone, name, type);
    AuthoritativeView.Agreement agreement = view.settled();
    if (agreement instanceof AuthoritativeView.Present present) {
      return new ZoneRead.Present(present.records());
    }
    if (agreement instanceof AuthoritativeView.Absent) {
      return new ZoneRead.Absent(DnsNames.absolute(name), type);
    }
    return new ZoneRead.Unavailable(((AuthoritativeView.Unsettled) agreement).detail());
  }

  @Override
  public ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
    ZoneRead now = read(wanted.name(), wanted.type());
    if (now instanceof ZoneRead.Present present && present.records().equals(wanted)) {
      return new ZoneChange.Applied(Optional.of(wanted));
    }
    return new ZoneChange.NeedsHuman(RecordInstruction.set(wanted));
  }

  @Override
  public ZoneChange delete(RecordSet expected) {
    ZoneRead now = read(expected.name(), expected.type());
    if (now instanceof ZoneRead.Absent) {
      return new ZoneChange.Applied(Optional.empty());
    }
    return new ZoneChange.NeedsHuman(RecordInstruction.remove(expected));
  }
}
