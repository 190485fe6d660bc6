package org.cutover.migration;

/** Which pass of a mailbox sync runs: the first full copy, a periodic one, or the last one. */
public enum SyncMode {
  INITIAL,
  INCREMENTAL,
  FINAL
}
