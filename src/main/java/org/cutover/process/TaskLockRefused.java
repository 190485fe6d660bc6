package org.cutover.process;

/** The engine refused a lock extension: the task's lock ran out, or another worker holds it. */
class TaskLockRefused extends RuntimeException {

  TaskLockRefused(String message) {
    super(message);
  }
}
