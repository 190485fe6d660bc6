package org.cutover.dns;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the DNS steps record every change they ask for, so that the rollback can undo them and the
 * swap can find when the TTL was lowered. Implemented with JDBC in the migration package.
 */
public interface DnsChangeJournal {

  /** Stores a requested change and returns it with its id. */
  DnsChange record(DnsChange change);

  /** The change was seen applied at {@code at}; {@code after} is what the zone held then. */
  void markApplied(long id, Instant at, Optional<RecordSet> after);

  /** The change was undone (or found already undone) at {@code at}. */
  void markRolledBack(long id, Instant at);

  /** Forgets a requested change that was certainly not made (refused, conflicting). */
  void discard(long id);

  /** Every change of the migration, oldest first. */
  List<DnsChange> changes(String migrationId);
}
