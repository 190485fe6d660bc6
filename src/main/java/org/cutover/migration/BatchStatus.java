package org.cutover.migration;

/** The migration batch's status, in the words Exchange Online's migration batches use. */
public enum BatchStatus {
  NOT_CREATED,
  CREATED,
  SYNCING,
  SYNCED,
  SYNCED_WITH_ERRORS,
  REMOVED,
  STOPPED
}
