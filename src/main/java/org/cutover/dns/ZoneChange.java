package org.cutover.dns;

import java.util.Optional;

/** What asking a {@link DnsZone} for a change gave. */
public sealed interface ZoneChange {

  /** The change is made: reading again shows {@code now} (empty after a deletion). */
  record Applied(Optional<RecordSet> now) implements ZoneChange {}

  /**
   * The zone no longer holds what the change expected: someone else changed it. Nothing was
   * changed; {@code found} is what the zone holds now (when it could be read).
   */
  record Conflict(Optional<RecordSet> found, String detail) implements ZoneChange {}

  /**
   * The server accepted the change but reading again shows otherwise (a server may silently ignore
   * parts of an update, e.g. a CNAME beside other records).
   */
  record NotApplied(Optional<RecordSet> found, String detail) implements ZoneChange {}

  /** The change was refused for a reason the administrator must fix (key, permission, policy). */
  record Rejected(String reason) implements ZoneChange {}

  /** The zone could not be reached or answered too slowly; the change may be tried again. */
  record Unavailable(String reason) implements ZoneChange {}

  /** This zone is changed by a person: the instruction says exactly what to set. */
  record NeedsHuman(RecordInstruction instruction) implements ZoneChange {}
}
