package org.cutover.process;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.cutover.migration.MailboxSyncRunner;

/**
 * Works a runbook to its end as the job executor, a sync worker and an approving administrator
 * would: runs due jobs one at a time, syncs the mailboxes of open sync tasks, completes human tasks
 * with every confirmation ticked, and when nothing is left to do moves the engine clock to the next
 * timer. For tests in the whole application, where the job executor is off.
 */
final class RunbookDriver {

  private static final List<String> CONFIRMATIONS =
      List.of(
          "announcementApproved",
          "dnsRecordSet",
          "dnsChangesApproved",
          "startBatchConfirmed",
          "licencesAssigned",
          "syncAgain",
          "welcomeLetterApproved",
          "mailFlowConfirmed",
          "backupTaken",
          "clientsReconfigured",
          "serverDecommissioned");

  private final ProcessEngine engine;
  private final EngineExternalTasks workers;
  private final MailboxSyncWorker worker;
  private final Map<String, Runnable> beforeTimers = new HashMap<>();

  RunbookDriver(ProcessEngine engine, MailboxSyncRunner syncRunner, RunbookDefaults defaults) {
    this.engine = engine;
    this.workers = new EngineExternalTasks(engine);
    this.worker =
        new MailboxSyncWorker(syncRunner, defaults.syncLockDuration(), Runbook.engineClock());
  }

  /**
   * Runs {@code action} once, just before the engine clock is moved to a timer of this activity (as
   * when the administrator does something while the runbook waits there).
   */
  RunbookDriver beforeTimer(String activityId, Runnable action) {
    beforeTimers.put(activityId, action);
    return this;
  }

  /** Runs the process instance until it ends; fails when it is stuck or does not end. */
  void runUntilEnded(String processInstanceId) {
    for (int round = 0; round < 5000; round++) {
      if (ended(processInstanceId)) {
        return;
      }
      List<Job> due = dueJobs(processInstanceId);
      if (!due.isEmpty()) {
        // one at a time: a job can remove others (a boundary event, the end of a scope)
        engine.getManagementService().executeJob(due.get(0).getId());
        continue;
      }
      boolean progressed = workers.work(worker) > 0;
      for (Task task :
          engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list()) {
        engine.getTaskService().complete(task.getId(), everyConfirmation());
        progressed = true;
      }
      if (!progressed) {
        moveClockToTheNextTimer(processInstanceId);
      }
    }
    throw new AssertionError("the runbook did not end in 5000 rounds");
  }

  /**
   * Runs the process instance, as {@link #runUntilEnded} does, until a human task of {@code
   * taskKey} is open, and leaves that task open. A sync task waiting to be tried again moves the
   * engine clock on by ten minutes.
   */
  void runUntilWaitingAt(String processInstanceId, String taskKey) {
    for (int round = 0; round < 5000; round++) {
      if (ended(processInstanceId)) {
        throw new AssertionError("the runbook ended before " + taskKey);
      }
      List<Task> open =
          engine.getTaskService().createTaskQuery().processInstanceId(processInstanceId).list();
      if (open.stream().anyMatch(task -> taskKey.equals(task.getTaskDefinitionKey()))) {
        return;
      }
      List<Job> due = dueJobs(processInstanceId);
      if (!due.isEmpty()) {
        engine.getManagementService().executeJob(due.get(0).getId());
        continue;
      }
      boolean progressed = workers.work(worker) > 0;
      for (Task task : open) {
        engine.getTaskService().complete(task.getId(), everyConfirmation());
        progressed = true;
      }
      if (progressed) {
        continue;
      }
      boolean syncWaiting =
          engine
                  .getExternalTaskService()
                  .createExternalTaskQuery()
                  .processInstanceId(processInstanceId)
                  .count()
              > 0;
      if (syncWaiting) {
        ClockUtil.setCurrentTime(
            new Date(ClockUtil.getCurrentTime().getTime() + Duration.ofMinutes(10).toMillis()));
      } else {
        moveClockToTheNextTimer(processInstanceId);
      }
    }
    throw new AssertionError("the runbook did not reach " + taskKey + " in 5000 rounds");
  }

  private void moveClockToTheNextTimer(String processInstanceId) {
    Job next =
        engine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(processInstanceId)
            .orderByJobDuedate()
            .asc()
            .list()
            .stream()
            .filter(job -> job.getDuedate() != null)
            .findFirst()
            .orElseThrow(() -> new AssertionError("the runbook is stuck: " + incidents()));
    for (String activityId : List.copyOf(beforeTimers.keySet())) {
      boolean atActivity =
          engine
              .getManagementService()
              .createJobQuery()
              .processInstanceId(processInstanceId)
              .activityId(activityId)
              .list()
              .stream()
              .anyMatch(job -> job.getId().equals(next.getId()));
      if (atActivity) {
        beforeTimers.remove(activityId).run();
        return;
      }
    }
    ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + 1000));
  }

  private String incidents() {
    return engine.getRuntimeService().createIncidentQuery().list().stream()
        .map(incident -> incident.getActivityId() + ": " + incident.getIncidentMessage())
        .toList()
        .toString();
  }

  private List<Job> dueJobs(String processInstanceId) {
    Date now = ClockUtil.getCurrentTime();
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(processInstanceId)
        .executable()
        .list()
        .stream()
        .filter(job -> job.getDuedate() == null || !job.getDuedate().after(now))
        .toList();
  }

  private boolean ended(String processInstanceId) {
    return engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .count()
        == 0;
  }

  private static Map<String, Object> everyConfirmation() {
    Map<String, Object> variables = new HashMap<>();
    CONFIRMATIONS.forEach(key -> variables.put(key, true));
    return variables;
  }
}
