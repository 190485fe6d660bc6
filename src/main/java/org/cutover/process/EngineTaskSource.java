package org.cutover.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;

/**
 * Tasks from the engine of this process, through its Java API: no HTTP round trip, no sign-in. The
 * Java API has no long polling, so an idle worker asks again after {@link #idleWait()}.
 */
final class EngineTaskSource implements TaskSource {

  private final ExternalTaskService tasks;
  private final String workerId;
  private final Duration idleWait;
  private final Clock clock;

  EngineTaskSource(ExternalTaskService tasks, String workerId, Duration idleWait, Clock clock) {
    this.tasks = tasks;
    this.workerId = workerId;
    this.idleWait = idleWait;
    this.clock = clock;
  }

  @Override
  public String workerId() {
    return workerId;
  }

  @Override
  public List<SyncTask> fetchAndLock(int maxTasks, Duration lock) {
    Instant asked = clock.instant();
    List<LockedExternalTask> locked =
        tasks
            .fetchAndLock(maxTasks, workerId, true)
            .topic(TOPIC, lock.toMillis())
            .variables(VARIABLES)
            .execute();
    return locked.stream()
        .map(
            t ->
                new SyncTask(
                    t.getId(),
                    string(t.getVariables().get("migrationId")),
                    string(t.getVariables().get("mailboxId")),
                    string(t.getVariables().get("syncMode")),
                    t.getRetries(),
                    asked.plus(lock)))
        .toList();
  }

  private static String string(Object value) {
    return value == null ? null : value.toString();
  }

  @Override
  public Duration idleWait() {
    return idleWait;
  }

  @Override
  public void complete(String taskId, Map<String, Object> localVariables) {
    try {
      tasks.complete(taskId, workerId, Map.of(), localVariables);
    } catch (OptimisticLockingException conflict) {
      throw new TaskReportConflict(conflict.getMessage());
    }
  }

  @Override
  public void handleFailure(String taskId, String message, int retries, Duration retryTimeout) {
    try {
      tasks.handleFailure(taskId, workerId, message, null, retries, retryTimeout.toMillis());
    } catch (OptimisticLockingException conflict) {
      throw new TaskReportConflict(conflict.getMessage());
    }
  }

  @Override
  public void extendLock(String taskId, Duration lock) {
    try {
      tasks.extendLock(taskId, workerId, lock.toMillis());
    } catch (BadUserRequestException | NullValueException refused) {
      throw new TaskLockRefused(refused.getMessage());
    }
  }
}
