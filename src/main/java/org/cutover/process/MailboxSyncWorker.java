package org.cutover.process;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.cutover.WorkerRolePart;
import org.cutover.migration.MailboxBusy;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.PassStopped;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.logins.LoginRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Works one task of the external-task topic {@value TaskSource#TOPIC}: one sync pass of one
 * mailbox. It may run in another process than the engine; it sees only the ids it needs.
 *
 * <ul>
 *   <li>While the pass runs, the task's lock is extended every minute (or a third of the lock, if
 *       shorter); the pass asks before every write to the target whether the lock and the mailbox's
 *       lease are still held, and stops when one is not. A task whose lock is lost is never
 *       completed or failed by this worker: another one may have it now.
 *   <li>A finished pass, succeeded or failed for this mailbox alone, completes the task with the
 *       report's counts as local variables.
 *   <li>A passing trouble is retried {@value #ATTEMPTS} times in all, waiting longer each time;
 *       when the tries are used up the mailbox is marked failed and the task completed, so one
 *       mailbox never holds up the batch. A mailbox another pass holds, or a pass that lost its
 *       lease, waits without using up a try.
 * </ul>
 *
 * Messages handed to the engine are ours only: a library's message could echo a login.
 */
@WorkerRolePart
@Component
class MailboxSyncWorker {

  static final String TOPIC = TaskSource.TOPIC;
  static final int ATTEMPTS = 5;
  static final Duration FIRST_RETRY_WAIT = Duration.ofMinutes(1);
  static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(MailboxSyncWorker.class);
  private static final ScheduledExecutorService HEARTBEATS =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "sync-task-lock-renewal");
            t.setDaemon(true);
            return t;
          });

  private final MailboxSyncRunner runner;
  private final Duration lockDuration;
  private final Clock clock;

  @Autowired
  MailboxSyncWorker(MailboxSyncRunner runner, RunbookDefaults defaults) {
    this(runner, defaults.syncLockDuration(), Clock.systemUTC());
  }

  MailboxSyncWorker(MailboxSyncRunner runner, Duration lockDuration, Clock clock) {
    this.runner = runner;
    this.lockDuration = lockDuration;
    this.clock = clock;
  }

  Duration lockDuration() {
    return lockDuration;
  }

  Clock clock() {
    return clock;
  }

  /** How often a running pass extends its lock. */
  Duration renewEvery() {
    Duration third = lockDuration.dividedBy(3);
    return third.compareTo(HEARTBEAT_INTERVAL) < 0 ? third : HEARTBEAT_INTERVAL;
  }

  void execute(SyncTask task, TaskSource source) {
    execute(task, source, () -> {});
  }

  /**
   * Works the task; {@code mailDone} runs as soon as the pass has let go of the mailbox and its
   * servers, before the outcome is reported to the engine, so that the node's slot can start its
   * next mailbox while this one's outcome is being committed.
   */
  void execute(SyncTask task, TaskSource source, Runnable mailDone) {
    try (LogIds ids = LogIds.of(task.migrationId(), task.mailboxId())) {
      executeWithIds(task, source, mailDone);
    }
  }

  private void executeWithIds(SyncTask task, TaskSource source, Runnable mailDone) {
    String migrationId = task.migrationId();
    String mailboxId = task.mailboxId();
    SyncMode mode = syncMode(task.syncMode());
    if (mailboxId == null || mode == null) {
      mailDone.run();
      // A modelling error: no retry can help, so the task becomes an incident at once.
      log.error("Migration {}: sync task {} lacks mailboxId or syncMode", migrationId, task.id());
      report(
          task,
          () ->
              source.handleFailure(
                  task.id(),
                  "The sync task has no mailboxId or no valid syncMode (INITIAL, INCREMENTAL,"
                      + " FINAL); correct the process model",
                  0,
                  Duration.ZERO));
      return;
    }
    TaskLockKeeper lock = new TaskLockKeeper(task, source, lockDuration, renewEvery(), clock);
    ScheduledFuture<?> heartbeat =
        HEARTBEATS.scheduleWithFixedDelay(
            lock::renewIfDue,
            renewEvery().toMillis(),
            renewEvery().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      work(task, source, mode, lock, mailDone);
    } finally {
      heartbeat.cancel(false);
    }
  }

  private void work(
      SyncTask task, TaskSource source, SyncMode mode, TaskLockKeeper lock, Runnable mailDone) {
    MailboxSyncReport report;
    try {
      report = runner.run(task.mailboxId(), mode, lock);
    } catch (RuntimeException e) {
      mailDone.run();
      reportFailure(task, source, mode, lock, e);
      return;
    }
    mailDone.run();
    log.info(
        "Migration {}: {} sync of {} {}: {} messages copied, {} altered by the target, {} flags"
            + " updated, {} skipped",
        task.migrationId(),
        mode,
        task.mailboxId(),
        report.succeeded() ? "done" : "failed",
        report.messagesCopied(),
        report.messagesAltered(),
        report.flagsUpdated(),
        report.messagesSkipped());
    complete(task, source, lock, reportVariables(report));
  }

  private void reportFailure(
      SyncTask task, TaskSource source, SyncMode mode, TaskLockKeeper lock, RuntimeException e) {
    String migrationId = task.migrationId();
    if (e instanceof MailboxBusy busy) {
      log.info(
          "Migration {}: {}; trying again in {}",
          migrationId,
          busy.getMessage(),
          busy.retryAfter());
      waitWithoutUsingATry(task, source, lock, busy.getMessage(), busy.retryAfter());
    } else if (e instanceof PassStopped stopped) {
      if (lock.lostReason() != null) {
        log.warn(
            "Migration {}: {}; the task is left to the engine", migrationId, stopped.getMessage());
      } else {
        log.warn("Migration {}: {}; trying again later", migrationId, stopped.getMessage());
        waitWithoutUsingATry(task, source, lock, stopped.getMessage(), FIRST_RETRY_WAIT);
      }
    } else if (e instanceof TransientStepFailure passing) {
      retryOrGiveUp(task, source, lock, passing.getMessage());
    } else if (e instanceof StepNeedsAdministrator needsFix) {
      giveUp(task, source, lock, needsFix.getMessage());
    } else {
      String mailboxId = task.mailboxId();
      log.error("Migration {}: {} sync of {} failed unexpectedly", migrationId, mode, mailboxId, e);
      retryOrGiveUp(
          task,
          source,
          lock,
          "The sync of mailbox "
              + mailboxId
              + " failed unexpectedly ("
              + e.getClass().getSimpleName()
              + "); the Cutover log has the details");
    }
  }

  private void waitWithoutUsingATry(
      SyncTask task, TaskSource source, TaskLockKeeper lock, String message, Duration wait) {
    int retries = task.retries() == null ? ATTEMPTS : task.retries();
    ifStillHeld(task, lock, () -> source.handleFailure(task.id(), message, retries, wait));
  }

  private void retryOrGiveUp(
      SyncTask task, TaskSource source, TaskLockKeeper lock, String message) {
    int retriesLeft = (task.retries() == null ? ATTEMPTS : task.retries()) - 1;
    if (retriesLeft <= 0) {
      giveUp(task, source, lock, message);
      return;
    }
    Duration wait = retryWait(retriesLeft);
    log.warn(
        "Migration {}: sync of {} failed, {} tries left, next in {}: {}",
        task.migrationId(),
        task.mailboxId(),
        retriesLeft,
        wait,
        message);
    ifStillHeld(task, lock, () -> source.handleFailure(task.id(), message, retriesLeft, wait));
  }

  private static SyncMode syncMode(Object value) {
    for (SyncMode mode : SyncMode.values()) {
      if (mode.name().equals(value)) {
        return mode;
      }
    }
    return null;
  }

  /** The wait before the next try: 1, 2, 4, 8 minutes as the tries are used up. */
  static Duration retryWait(int retriesLeft) {
    int triesMade = ATTEMPTS - retriesLeft;
    return FIRST_RETRY_WAIT.multipliedBy(1L << Math.max(0, triesMade - 1));
  }

  private void giveUp(SyncTask task, TaskSource source, TaskLockKeeper lock, String message) {
    if (lock.lostReason() != null) {
      log.warn(
          "Migration {}: sync of {} failed ({}) after its task was lost; the task is left to the"
              + " engine",
          task.migrationId(),
          task.mailboxId(),
          message);
      return;
    }
    log.warn(
        "Migration {}: sync of {} failed for good: {}",
        task.migrationId(),
        task.mailboxId(),
        message);
    runner.markFailed(task.mailboxId(), message);
    if (LoginRefused.sideNamedIn(message).isPresent()) {
      // An endpoint's own credential was refused: every pass there fails alike until it is
      // replaced. The pass waits as an incident (which opens the task to replace the credential),
      // and the replacement runs it again.
      ifStillHeld(task, lock, () -> source.handleFailure(task.id(), message, 0, Duration.ZERO));
      return;
    }
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessVariables.SYNC_SUCCEEDED.name(), false);
    local.put(ProcessVariables.SYNC_ERROR.name(), message);
    complete(task, source, lock, local);
  }

  private static Map<String, Object> reportVariables(MailboxSyncReport report) {
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessVariables.SYNC_SUCCEEDED.name(), report.succeeded());
    local.put(ProcessVariables.MESSAGES_COPIED.name(), report.messagesCopied());
    local.put(ProcessVariables.MESSAGES_ALTERED.name(), report.messagesAltered());
    local.put(ProcessVariables.FLAGS_UPDATED.name(), report.flagsUpdated());
    local.put(ProcessVariables.MESSAGES_SKIPPED.name(), report.messagesSkipped());
    local.put(ProcessVariables.BYTES_COPIED.name(), report.bytesCopied());
    if (!report.succeeded()) {
      local.put(ProcessVariables.SYNC_ERROR.name(), report.error());
    }
    return local;
  }

  private static void complete(
      SyncTask task, TaskSource source, TaskLockKeeper lock, Map<String, Object> localVariables) {
    ifStillHeld(task, lock, () -> source.complete(task.id(), localVariables));
  }

  /** Reports on the task only while this worker still holds it. */
  private static void ifStillHeld(SyncTask task, TaskLockKeeper lock, Runnable reporting) {
    String lost = lock.lostReason();
    if (lost != null) {
      log.warn(
          "Migration {}: the sync task of {} is not reported: {}",
          task.migrationId(),
          task.mailboxId(),
          lost);
      return;
    }
    report(task, reporting);
  }

  /** Reports made at the same moment by several mailboxes of a batch: each tries this often. */
  static final int REPORT_ATTEMPTS = 5;

  private static void report(SyncTask task, Runnable reporting) {
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          reporting.run();
          return;
        } catch (TaskReportConflict conflict) {
          if (attempt == REPORT_ATTEMPTS) {
            throw conflict;
          }
          // Another mailbox's report changed the batch's state at the same moment; waiting a
          // random while lets the two apart, and the task would otherwise wait for its lock to
          // run out and be synced again.
          Thread.sleep(
              java.util.concurrent.ThreadLocalRandom.current().nextLong(50, 250) * attempt);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // The task may be gone (migration cancelled, batch deleted) or the engine unreachable; a
      // task still there is fetched again when its lock ends, and the pass is idempotent.
      log.warn(
          "Migration {}: could not report on the sync task of {} ({})",
          task.migrationId(),
          task.mailboxId(),
          e.getMessage());
    }
  }
}
