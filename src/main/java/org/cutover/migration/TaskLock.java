package org.cutover.migration;

/**
 * The engine's lock on the task that asked for a sync pass, as its worker sees it. The pass asks
 * before every write to the target: a lock that is gone means another worker may already run the
 * same mailbox.
 */
public interface TaskLock {

  /** The worker holding the task (a node's worker id), shown as the lease's owner. */
  String worker();

  /** Why the task is no longer this worker's (refused or not extended in time), or null. */
  String lostReason();
}
