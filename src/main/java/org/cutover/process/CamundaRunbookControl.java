package org.cutover.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Steers the runbook process {@value #PROCESS_KEY} on Camunda: one process instance per migration,
 * its business key the migration id.
 */
@Component
class CamundaRunbookControl implements RunbookControl {

  static final String PROCESS_KEY = "cutover-migration";
  static final String CANCEL_MESSAGE = "cancelMigration";
  static final String START_BATCH_TASK = "approveBatchStart";
  static final String CANCEL_EVENT = "cancelRequested";
  static final String ROLLBACK_EVENT = "rollbackRequested";
  static final int CANCEL_ATTEMPTS = 3;
  static final String SYNC_MESSAGE = "syncMailboxes";
  static final String FINAL_WAIT = "finalWaitOver";

  private static final Logger log = LoggerFactory.getLogger(CamundaRunbookControl.class);

  private final RuntimeService runtime;
  private final org.camunda.bpm.engine.RepositoryService repository;
  private final TaskService tasks;
  private final HistoryService history;
  private final ManagementService management;
  private final ExternalTaskService externalTasks;
  private final CurrentSteps currentSteps;

  CamundaRunbookControl(ProcessEngine engine) {
    this.runtime = engine.getRuntimeService();
    this.repository = engine.getRepositoryService();
    this.tasks = engine.getTaskService();
    this.history = engine.getHistoryService();
    this.management = engine.getManagementService();
    this.externalTasks = engine.getExternalTaskService();
    this.currentSteps = new CurrentSteps(runtime, repository, management);
  }

  @Override
  public String start(RunbookStart start) {
    ProcessInstance running = running(start.migrationId());
    if (running != null) {
      throw new IllegalStateException(
          "the runbook of migration "
              + start.migrationId()
              + " is already running (process instance "
              + running.getId()
              + ")");
    }
    String id =
        runtime
            .startProcessInstanceByKey(PROCESS_KEY, start.migrationId(), start.variables())
            .getProcessInstanceId();
    log.info("Migration {}: runbook started (process instance {})", start.migrationId(), id);
    return id;
  }

  @Override
  public void startBatch(String migrationId) {
    Task waiting =
        tasks
            .createTaskQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(migrationId)
            .taskDefinitionKey(START_BATCH_TASK)
            .singleResult();
    if (waiting == null) {
      throw new IllegalStateException(
          "the batch of migration " + migrationId + " is not waiting to be started");
    }
    tasks.complete(waiting.getId());
    log.info("Migration {}: batch start requested", migrationId);
  }

  @Override
  public void cancel(String migrationId) {
    ProcessInstance instance = running(migrationId);
    if (instance == null) {
      throw new IllegalStateException(
          "migration " + migrationId + " cannot be cancelled: its runbook is not running");
    }
    boolean cancellable =
        runtime
                .createEventSubscriptionQuery()
                .processInstanceId(instance.getId())
                .eventType("message")
                .eventName(CANCEL_MESSAGE)
                .count()
            > 0;
    if (!cancellable) {
      throw new IllegalStateException(notCancellableReason(migrationId, instance.getId()));
    }
    for (int attempt = 1; ; attempt++) {
      try {
        runtime
            .createMessageCorrelation(CANCEL_MESSAGE)
            .processInstanceId(instance.getId())
            .correlate();
        break;
      } catch (MismatchingMessageCorrelationException e) {
        throw new IllegalStateException(notCancellableReason(migrationId, instance.getId()));
      } catch (OptimisticLockingException e) {
        // A step of the migration moved on at the same moment; nothing was changed, try again.
        if (attempt == CANCEL_ATTEMPTS) {
          throw new IllegalStateException(
              "migration "
                  + migrationId
                  + " is busy with a step and could not be cancelled now; try again");
        }
      }
    }
    log.info("Migration {}: cancel requested", migrationId);
  }

  @Override
  public SyncRequested requestSync(String migrationId, List<String> mailboxIds) {
    ProcessInstance instance = running(migrationId);
    boolean inSync =
        instance != null
            && runtime
                    .createEventSubscriptionQuery()
                    .processInstanceId(instance.getId())
                    .eventType("message")
                    .eventName(SYNC_MESSAGE)
                    .count()
                > 0;
    if (!inSync) {
      throw new IllegalStateException(
          "migration "
              + migrationId
              + " is not keeping its batch in sync now: syncs on request run from the end of the"
              + " initial sync until the batch is deleted");
    }
    Set<String> busy = mailboxesWithSyncTask(instance.getId());
    List<String> queued = mailboxIds.stream().filter(id -> !busy.contains(id)).toList();
    List<String> skipped = mailboxIds.stream().filter(busy::contains).toList();
    if (!queued.isEmpty()) {
      runtime
          .createMessageCorrelation(SYNC_MESSAGE)
          .processInstanceId(instance.getId())
          .setVariableLocal(ProcessVariables.REQUESTED_MAILBOX_IDS.name(), String.join(",", queued))
          .correlateWithResult();
    }
    log.info(
        "Migration {}: sync requested, {} mailboxes queued, {} already syncing or queued",
        migrationId,
        queued.size(),
        skipped.size());
    return new SyncRequested(queued, skipped);
  }

  /** The mailboxes with a sync task of this instance that is open (waiting or locked). */
  private Set<String> mailboxesWithSyncTask(String processInstanceId) {
    String[] executions =
        externalTasks
            .createExternalTaskQuery()
            .processInstanceId(processInstanceId)
            .topicName(TaskSource.TOPIC)
            .list()
            .stream()
            .map(ExternalTask::getExecutionId)
            .toArray(String[]::new);
    if (executions.length == 0) {
      return Set.of();
    }
    Set<String> ids = new java.util.HashSet<>();
    Set<String> found = new java.util.HashSet<>();
    for (VariableInstance variable :
        runtime
            .createVariableInstanceQuery()
            .executionIdIn(executions)
            .variableName(ProcessVariables.MAILBOX_ID.name())
            .list()) {
      found.add(variable.getExecutionId());
      if (variable.getValue() instanceof String id) {
        ids.add(id);
      }
    }
    for (String execution : executions) {
      // a task inside a multi-instance subprocess sees the mailbox id of its scope
      if (!found.contains(execution)
          && runtime.getVariable(execution, ProcessVariables.MAILBOX_ID.name())
              instanceof String id) {
        ids.add(id);
      }
    }
    return ids;
  }

  @Override
  public void requestFinalSync(String migrationId) {
    ProcessInstance instance = running(migrationId);
    Job wait =
        instance == null
            ? null
            : management
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(FINAL_WAIT)
                .timers()
                .singleResult();
    if (wait == null) {
      throw new IllegalStateException(
          "migration "
              + migrationId
              + " is not waiting after the MX switch: the final sync can start once the MX"
              + " records are switched and have propagated, until the batch is deleted");
    }
    management.setJobDuedate(wait.getId(), ClockUtil.getCurrentTime());
    log.info("Migration {}: final sync requested, the wait after the switch ends now", migrationId);
  }

  private String notCancellableReason(String migrationId, String processInstanceId) {
    boolean cancelling = false;
    for (String event : List.of(CANCEL_EVENT, ROLLBACK_EVENT)) {
      cancelling |=
          history
                  .createHistoricActivityInstanceQuery()
                  .processInstanceId(processInstanceId)
                  .activityId(event)
                  .count()
              > 0;
    }
    if (cancelling) {
      return "migration " + migrationId + " is already being cancelled";
    }
    return "migration "
        + migrationId
        + " can no longer be cancelled: its batch has been deleted and mail is delivered to the"
        + " target; a cancel rolls it back (DNS and new mail) only while the source is watched for"
        + " late mail, from the welcome letter on";
  }

  @Override
  public List<String> currentSteps(String migrationId) {
    ProcessInstance instance = running(migrationId);
    return instance == null ? List.of() : currentSteps.of(instance);
  }

  @Override
  public List<OpenTask> openTasks(String migrationId) {
    ProcessInstance instance = running(migrationId);
    if (instance == null) {
      return List.of();
    }
    List<OpenTask> open = new ArrayList<>();
    for (org.camunda.bpm.engine.task.Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .orderByTaskCreateTime()
            .asc()
            .list()) {
      List<String> groups =
          tasks.getIdentityLinksForTask(task.getId()).stream()
              .filter(
                  link ->
                      org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
              .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId)
              .filter(java.util.Objects::nonNull)
              .toList();
      open.add(
          new OpenTask(
              task.getId(),
              task.getName(),
              task.getAssignee(),
              groups,
              task.getCreateTime() == null ? null : task.getCreateTime().toInstant()));
    }
    return open;
  }

  @Override
  public List<StepProblem> stepProblems(String migrationId) {
    ProcessInstance instance = running(migrationId);
    if (instance == null) {
      return List.of();
    }
    List<StepProblem> problems = new ArrayList<>();
    for (org.camunda.bpm.engine.runtime.Job job :
        management
            .createJobQuery()
            .processInstanceId(instance.getId())
            .withException()
            .orderByJobDuedate()
            .asc()
            .list()) {
      problems.add(
          new StepProblem(
              stepName(instance, job),
              job.getExceptionMessage(),
              job.getRetries(),
              job.getDuedate() == null ? null : job.getDuedate().toInstant()));
    }
    return problems;
  }

  private String stepName(ProcessInstance instance, org.camunda.bpm.engine.runtime.Job job) {
    String activityId =
        job instanceof org.camunda.bpm.engine.impl.persistence.entity.JobEntity entity
            ? entity.getActivityId()
            : null;
    if (activityId == null) {
      return "step";
    }
    org.camunda.bpm.model.bpmn.instance.FlowElement element =
        repository
            .getBpmnModelInstance(instance.getProcessDefinitionId())
            .getModelElementById(activityId);
    return element == null || element.getName() == null ? activityId : element.getName();
  }

  @Override
  public int retryFailedSteps(String migrationId) {
    ProcessInstance instance = running(migrationId);
    if (instance == null) {
      return 0;
    }
    List<org.camunda.bpm.engine.runtime.Job> failed =
        management.createJobQuery().processInstanceId(instance.getId()).withException().list();
    for (org.camunda.bpm.engine.runtime.Job job : failed) {
      // Retries above zero resolve the incident; the due date now runs the step at once.
      management.setJobRetries(job.getId(), Math.max(1, job.getRetries()));
      management.setJobDuedate(job.getId(), java.util.Date.from(EngineClock.now()));
    }
    // Passes that gave up (a refused login, for instance) wait for a worker again.
    List<ExternalTask> passes =
        externalTasks
            .createExternalTaskQuery()
            .processInstanceId(instance.getId())
            .noRetriesLeft()
            .list();
    for (ExternalTask pass : passes) {
      externalTasks.setRetries(pass.getId(), 1);
    }
    log.info(
        "Migration {}: {} failed steps and {} failed passes retried",
        migrationId,
        failed.size(),
        passes.size());
    return failed.size() + passes.size();
  }

  /** The innermost activities: subprocesses and multi-instance bodies only hold them. */
  private ProcessInstance running(String migrationId) {
    return runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(migrationId)
        .singleResult();
  }
}
