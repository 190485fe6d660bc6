package org.cutover.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.client.spring.annotation.ExternalTaskSubscription;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TransientStepFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The worker of the external-task topic {@value #TOPIC}: one sync pass of one mailbox. It may run
 * in another process than the engine; it sees only the ids it needs.
 *
 * <ul>
 *   <li>While the pass runs, each heartbeat of the sync engine extends the task's lock (at most
 *       once a minute).
 *   <li>A finished pass, succeeded or failed for this mailbox alone, completes the task with the
 *       report's counts as local variables.
 *   <li>A passing trouble is retried {@value #ATTEMPTS} times in all, waiting longer each time;
 *       when the tries are used up the mailbox is marked failed and the task completed, so one
 *       mailbox never holds up the batch.
 * </ul>
 *
 * Messages handed to the engine are ours only: a library's message could echo a login.
 */
@Component
@ExternalTaskSubscription(
    topicName = MailboxSyncWorker.TOPIC,
    variableNames = {"migrationId", "mailboxId", "syncMode"})
class MailboxSyncWorker implements ExternalTaskHandler {

  static final String TOPIC = "mailbox-sync";
  static final int ATTEMPTS = 5;
  static final Duration FIRST_RETRY_WAIT = Duration.ofMinutes(1);
  static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

  private static final Logger log = LoggerFactory.getLogger(MailboxSyncWorker.class);

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

  @Override
  public void execute(ExternalTask task, ExternalTaskService service) {
    String migrationId = task.getVariable(ProcessVariables.MIGRATION_ID.name());
    String mailboxId = task.getVariable(ProcessVariables.MAILBOX_ID.name());
    SyncMode mode = syncMode(task.getVariable(ProcessVariables.SYNC_MODE.name()));
    if (mailboxId == null || mode == null) {
      // A modelling error: no retry can help, so the task becomes an incident at once.
      log.error(
          "Migration {}: sync task {} lacks mailboxId or syncMode", migrationId, task.getId());
      service.handleFailure(
          task,
          "The sync task has no mailboxId or no valid syncMode (INITIAL, INCREMENTAL, FINAL);"
              + " correct the process model",
          null,
          0,
          0);
      return;
    }
    Heartbeat heartbeat = new Heartbeat(task, service, migrationId, mailboxId);
    heartbeat.extend();
    MailboxSyncReport report;
    try {
      report = runner.run(mailboxId, mode, heartbeat::beat);
    } catch (TransientStepFailure e) {
      retryOrGiveUp(task, service, migrationId, mailboxId, e.getMessage());
      return;
    } catch (StepNeedsAdministrator e) {
      giveUp(task, service, migrationId, mailboxId, e.getMessage());
      return;
    } catch (RuntimeException e) {
      log.error("Migration {}: {} sync of {} failed unexpectedly", migrationId, mode, mailboxId, e);
      retryOrGiveUp(
          task,
          service,
          migrationId,
          mailboxId,
          "The sync of mailbox "
              + mailboxId
              + " failed unexpectedly ("
              + e.getClass().getSimpleName()
              + "); the Cutover log has the details");
      return;
    }
    log.info(
        "Migration {}: {} sync of {} {}: {} messages copied, {} altered by the target, {} flags"
            + " updated, {} skipped",
        migrationId,
        mode,
        mailboxId,
        report.succeeded() ? "done" : "failed",
        report.messagesCopied(),
        report.messagesAltered(),
        report.flagsUpdated(),
        report.messagesSkipped());
    complete(task, service, migrationId, mailboxId, reportVariables(report));
  }

  private void retryOrGiveUp(
      ExternalTask task,
      ExternalTaskService service,
      String migrationId,
      String mailboxId,
      String message) {
    int retriesLeft = (task.getRetries() == null ? ATTEMPTS : task.getRetries()) - 1;
    if (retriesLeft <= 0) {
      giveUp(task, service, migrationId, mailboxId, message);
      return;
    }
    Duration wait = retryWait(retriesLeft);
    log.warn(
        "Migration {}: sync of {} failed, {} tries left, next in {}: {}",
        migrationId,
        mailboxId,
        retriesLeft,
        wait,
        message);
    try {
      service.handleFailure(task, message, null, retriesLeft, wait.toMillis());
    } catch (RuntimeException e) {
      log.warn(
          "Migration {}: could not report the failed sync of {} ({}); it runs again when its lock"
              + " ends",
          migrationId,
          mailboxId,
          e.getClass().getSimpleName());
    }
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

  private void giveUp(
      ExternalTask task,
      ExternalTaskService service,
      String migrationId,
      String mailboxId,
      String message) {
    log.warn("Migration {}: sync of {} failed for good: {}", migrationId, mailboxId, message);
    runner.markFailed(mailboxId, message);
    Map<String, Object> local = new HashMap<>();
    local.put(ProcessVariables.SYNC_SUCCEEDED.name(), false);
    local.put(ProcessVariables.SYNC_ERROR.name(), message);
    complete(task, service, migrationId, mailboxId, local);
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
      ExternalTask task,
      ExternalTaskService service,
      String migrationId,
      String mailboxId,
      Map<String, Object> localVariables) {
    try {
      service.complete(task, Map.of(), localVariables);
    } catch (RuntimeException e) {
      // The task may be gone (migration cancelled, batch deleted) or the engine unreachable; a
      // task still there is fetched again when its lock ends, and the pass is idempotent.
      log.warn(
          "Migration {}: could not complete the sync task of {} ({})",
          migrationId,
          mailboxId,
          e.getClass().getSimpleName());
    }
  }

  /** Extends the task's lock while a pass runs, at most once per {@link #HEARTBEAT_INTERVAL}. */
  private final class Heartbeat {

    private final ExternalTask task;
    private final ExternalTaskService service;
    private final String migrationId;
    private final String mailboxId;
    private Instant lastExtended;

    Heartbeat(
        ExternalTask task, ExternalTaskService service, String migrationId, String mailboxId) {
      this.task = task;
      this.service = service;
      this.migrationId = migrationId;
      this.mailboxId = mailboxId;
    }

    void beat() {
      if (lastExtended == null
          || Duration.between(lastExtended, clock.instant()).compareTo(HEARTBEAT_INTERVAL) >= 0) {
        extend();
      }
    }

    void extend() {
      try {
        service.extendLock(task, lockDuration.toMillis());
        lastExtended = clock.instant();
      } catch (RuntimeException e) {
        log.warn(
            "Migration {}: could not extend the lock of the sync task of {} ({})",
            migrationId,
            mailboxId,
            e.getClass().getSimpleName());
      }
    }
  }
}
