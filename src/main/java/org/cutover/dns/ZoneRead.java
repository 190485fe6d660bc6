package org.cutover.dns;

import java.util.Optional;

/** What reading one record set from a {@link DnsZone} gave. */
public sealed interface ZoneRead {

  /** The record set as the zone holds it. */
  record Present(RecordSet records) implements ZoneRead {}

  /** The zone holds no records of that type at that name. */
  record Absent(String name, RecordType type) implements ZoneRead {}

  /** The zone could not be read for a reason that needs the administrator (key, permission). */
  record Rejected(String reason) implements ZoneRead {}

  /** The zone could not be read now (time-out, server failure, rate limit); try again later. */
  record Unavailable(String reason) implements ZoneRead {}

  /** The record set if it was read; empty when absent. Throws nothing. */
  default Optional<Optional<RecordSet>> known() {
    if (this instanceof Present present) {
      return Optional.of(Optional.of(present.records()));
    }
    if (this instanceof Absent) {
      return Optional.of(Optional.empty());
    }
    return Optional.empty();
  }

  /** A sentence saying what was read. */
  default String describe() {
    if (this instanceof Present present) {
      return present.records().describe().replace("\n", "; ");
    }
    if (this instanceof Absent absent) {
      return "no " + absent.type() + " records at " + absent.name();
    }
    if (this instanceof Rejected rejected) {
      return rejected.reason();
    }
    return ((Unavailable) this).reason();
  }
}
