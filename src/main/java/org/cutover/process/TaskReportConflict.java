package org.cutover.process;

/**
 * The engine refused a task's completion or failure because another transaction changed the same
 * process state at that moment (Camunda's optimistic locking): several mailboxes of one batch
 * reporting at once. Reporting again succeeds once the other transaction has committed.
 */
final class TaskReportConflict extends RuntimeException {

  TaskReportConflict(String message) {
    super(message);
  }
}
