package org.cutover.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.cutover.migration.TaskLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a task's lock while its pass runs: extends it every {@code renewEvery} (from a timer and
 * whenever the pass asks before a write), and declares it lost when the engine refuses an extension
 * or when none succeeded in time. A lost lock stays lost.
 */
final class TaskLockKeeper implements TaskLock {

  private static final Logger log = LoggerFactory.getLogger(TaskLockKeeper.class);

  private final SyncTask task;
  private final TaskSource source;
  private final Duration lockDuration;
  private final Duration renewEvery;
  private final Clock clock;
  private Instant lastRenewal;
  private volatile Instant lockedUntil;
  private volatile String lost;

  TaskLockKeeper(
      SyncTask task, TaskSource source, Duration lockDuration, Duration renewEvery, Clock clock) {
    this.task = task;
    this.source = source;
    this.lockDuration = lockDuration;
    this.renewEvery = renewEvery;
    this.clock = clock;
    this.lockedUntil = task.lockedUntil();
    this.lastRenewal = task.lockedUntil().minus(lockDuration);
  }

  @Override
  public String worker() {
    return source.workerId();
  }

  @Override
  public String lostReason() {
    renewIfDue();
    if (lost == null && !clock.instant().isBefore(lockedUntil.minus(renewEvery))) {
      lose(
          "the lock of its task "
              + task.id()
              + " was not extended in time (it runs out at "
              + lockedUntil
              + ")");
    }
    return lost;
  }

  /** Extends the lock when the last extension is {@code renewEvery} old. */
  synchronized void renewIfDue() {
    Instant now = clock.instant();
    if (lost != null || Duration.between(lastRenewal, now).compareTo(renewEvery) < 0) {
      return;
    }
    try {
      source.extendLock(task.id(), lockDuration);
      lastRenewal = now;
      lockedUntil = now.plus(lockDuration);
    } catch (TaskLockRefused refused) {
      lose("the engine refused to extend the lock of its task: " + refused.getMessage());
    } catch (RuntimeException passing) {
      // Unreachable for a moment: the lock still runs, and the next beat tries again.
      log.warn(
          "Migration {}: the lock of the sync task of {} could not be extended now ({}); it runs"
              + " until {}",
          task.migrationId(),
          task.mailboxId(),
          passing.getMessage(),
          lockedUntil);
    }
  }

  private synchronized void lose(String reason) {
    if (lost == null) {
      lost = reason;
      log.warn(
          "Migration {}: sync of {} lost its task: {}; it stops before its next write",
          task.migrationId(),
          task.mailboxId(),
          reason);
    }
  }
}
