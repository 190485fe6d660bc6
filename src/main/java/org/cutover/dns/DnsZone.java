package org.cutover.dns;

import java.util.Optional;

/**
 * One DNS zone that Cutover may read and change, one record set (name and type) at a time. Each
 * change carries the record set as the caller last read it (or "absent") and is made only if the
 * zone still holds exactly those records (compare-and-swap): someone else's change is reported as a
 * {@link ZoneChange.Conflict}, never overwritten. The guard compares records, not TTLs (RFC 2136
 * prerequisites cannot see TTLs). After every change the adapter reads the record set again and
 * reports what the zone really holds.
 *
 * <p>A new DNS host is one {@link DnsZoneProvider} bean that opens its zones, plus its test.
 */
public interface DnsZone {

  /** The zone's apex, absolute ({@code contoso.com.}). */
  String zone();

  /** Where and how the zone is changed, for reports and logs; never holds a secret. */
  String describe();

  /** The record set of {@code type} at {@code name}, as the zone holds it now. */
  ZoneRead read(String name, RecordType type);

  /**
   * Makes the record set at {@code wanted}'s name and type exactly {@code wanted} (records and
   * TTL), provided it still holds the records of {@code expected} (or none, when empty).
   */
  ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected);

  /** Removes the record set, provided it still holds exactly the records of {@code expected}. */
  ZoneChange delete(RecordSet expected);
}
