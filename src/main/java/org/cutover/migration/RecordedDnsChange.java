package org.cutover.migration;

import java.time.Instant;
import java.util.List;

/**
 * One DNS change the runbook made (or asked for) for a migration, as journalled: the step, the
 * record set, what it held before and after, and when the change was asked for, seen applied and
 * undone.
 *
 * @param step the step that made it, e.g. {@code SWAP_MX}
 * @param name the record set's absolute name
 * @param type its record type
 * @param before what it held before (null: no such record set)
 * @param after what it holds after (null: removed)
 * @param requestedAt when the change was asked for
 * @param appliedAt when the zone was seen holding it (null: not yet, e.g. waiting for a change by
 *     hand)
 * @param rolledBackAt when it was undone (null: not undone)
 */
public record RecordedDnsChange(
    String step,
    String name,
    String type,
    Records before,
    Records after,
    Instant requestedAt,
    Instant appliedAt,
    Instant rolledBackAt) {

  /** A record set's TTL and values in zone-file form. */
  public record Records(long ttl, List<String> values) {

    public Records {
      values = List.copyOf(values);
    }
  }
}
