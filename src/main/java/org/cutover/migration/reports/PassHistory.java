package org.cutover.migration.reports;

import java.time.Instant;
import java.util.List;

/**
 * The passes of a migration's batch that ran to their end: how many, when the first started and the
 * last ended, and what each pass that copied anything copied, in the order they ended. Passes that
 * copied nothing (most incremental ones) count but carry no copy.
 */
public record PassHistory(
    int passes, Instant firstStarted, Instant lastEnded, List<Copied> copies) {

  /** What one pass copied, counted when it ended. */
  public record Copied(Instant ended, long messages, long bytes) {}

  public PassHistory {
    copies = List.copyOf(copies);
  }

  public static PassHistory none() {
    return new PassHistory(0, null, null, List.of());
  }
}
