package org.cutover.process;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskHandler;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * Runs an external-task handler of the task client against the engine's Java API, in the test's
 * thread: what the client would fetch over REST, it fetches here, and what the handler reports goes
 * to the engine unchanged.
 */
class EngineExternalTasks {

  static final String WORKER = "process-test-worker";
  static final long LOCK = 300_000;

  private final ProcessEngine engine;

  EngineExternalTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Fetches every task of the topic that is free now and hands each to the handler. */
  int work(String topic, List<String> variableNames, ExternalTaskHandler handler) {
    List<LockedExternalTask> locked =
        engine
            .getExternalTaskService()
            .fetchAndLock(1000, WORKER)
            .topic(topic, LOCK)
            .variables(variableNames)
            .execute();
    for (LockedExternalTask task : locked) {
      handler.execute(new Task(task), new Service(engine.getExternalTaskService()));
    }
    return locked.size();
  }

  private record Task(LockedExternalTask locked) implements ExternalTask {

    @Override
    public String getActivityId() {
      return locked.getActivityId();
    }

    @Override
    public String getActivityInstanceId() {
      return locked.getActivityInstanceId();
    }

    @Override
    public String getErrorMessage() {
      return locked.getErrorMessage();
    }

    @Override
    public String getErrorDetails() {
      return null;
    }

    @Override
    public String getExecutionId() {
      return locked.getExecutionId();
    }

    @Override
    public String getId() {
      return locked.getId();
    }

    @Override
    public Date getLockExpirationTime() {
      return locked.getLockExpirationTime();
    }

    @Override
    public Date getCreateTime() {
      return locked.getCreateTime();
    }

    @Override
    public String getProcessDefinitionId() {
      return locked.getProcessDefinitionId();
    }

    @Override
    public String getProcessDefinitionKey() {
      return locked.getProcessDefinitionKey();
    }

    @Override
    public String getProcessDefinitionVersionTag() {
      return locked.getProcessDefinitionVersionTag();
    }

    @Override
    public String getProcessInstanceId() {
      return locked.getProcessInstanceId();
    }

    @Override
    public Integer getRetries() {
      return locked.getRetries();
    }

    @Override
    public String getWorkerId() {
      return locked.getWorkerId();
    }

    @Override
    public String getTopicName() {
      return locked.getTopicName();
    }

    @Override
    public String getTenantId() {
      return locked.getTenantId();
    }

    @Override
    public long getPriority() {
      return locked.getPriority();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getVariable(String name) {
      return (T) locked.getVariables().get(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends TypedValue> T getVariableTyped(String name) {
      return (T) locked.getVariables().getValueTyped(name);
    }

    @Override
    public <T extends TypedValue> T getVariableTyped(String name, boolean deserialize) {
      return getVariableTyped(name);
    }

    @Override
    public Map<String, Object> getAllVariables() {
      return locked.getVariables();
    }

    @Override
    public VariableMap getAllVariablesTyped() {
      return locked.getVariables();
    }

    @Override
    public VariableMap getAllVariablesTyped(boolean deserialize) {
      return locked.getVariables();
    }

    @Override
    public String getBusinessKey() {
      return locked.getBusinessKey();
    }

    @Override
    public String getExtensionProperty(String name) {
      return locked.getExtensionProperties().get(name);
    }

    @Override
    public Map<String, String> getExtensionProperties() {
      return locked.getExtensionProperties();
    }
  }

  private record Service(org.camunda.bpm.engine.ExternalTaskService engine)
      implements ExternalTaskService {

    @Override
    public void lock(String id, long duration) {
      engine.lock(id, WORKER, duration);
    }

    @Override
    public void lock(ExternalTask task, long duration) {
      lock(task.getId(), duration);
    }

    @Override
    public void unlock(ExternalTask task) {
      engine.unlock(task.getId());
    }

    @Override
    public void complete(ExternalTask task) {
      complete(task.getId(), null, null);
    }

    @Override
    public void setVariables(String processInstanceId, Map<String, Object> variables) {
      throw new UnsupportedOperationException("not used by the handlers under test");
    }

    @Override
    public void setVariables(ExternalTask task, Map<String, Object> variables) {
      throw new UnsupportedOperationException("not used by the handlers under test");
    }

    @Override
    public void complete(ExternalTask task, Map<String, Object> variables) {
      complete(task.getId(), variables, null);
    }

    @Override
    public void complete(
        ExternalTask task, Map<String, Object> variables, Map<String, Object> localVariables) {
      complete(task.getId(), variables, localVariables);
    }

    @Override
    public void complete(
        String id, Map<String, Object> variables, Map<String, Object> localVariables) {
      engine.complete(id, WORKER, variables, localVariables);
    }

    @Override
    public void handleFailure(
        ExternalTask task, String message, String details, int retries, long retryTimeout) {
      handleFailure(task.getId(), message, details, retries, retryTimeout);
    }

    @Override
    public void handleFailure(
        String id, String message, String details, int retries, long retryTimeout) {
      engine.handleFailure(id, WORKER, message, details, retries, retryTimeout);
    }

    @Override
    public void handleFailure(
        String id,
        String message,
        String details,
        int retries,
        long retryTimeout,
        Map<String, Object> variables,
        Map<String, Object> localVariables) {
      engine.handleFailure(
          id, WORKER, message, details, retries, retryTimeout, variables, localVariables);
    }

    @Override
    public void handleBpmnError(ExternalTask task, String errorCode) {
      handleBpmnError(task.getId(), errorCode, null, null);
    }

    @Override
    public void handleBpmnError(ExternalTask task, String errorCode, String errorMessage) {
      handleBpmnError(task.getId(), errorCode, errorMessage, null);
    }

    @Override
    public void handleBpmnError(
        ExternalTask task, String errorCode, String errorMessage, Map<String, Object> variables) {
      handleBpmnError(task.getId(), errorCode, errorMessage, variables);
    }

    @Override
    public void handleBpmnError(
        String id, String errorCode, String errorMessage, Map<String, Object> variables) {
      engine.handleBpmnError(id, WORKER, errorCode, errorMessage, variables);
    }

    @Override
    public void extendLock(ExternalTask task, long newDuration) {
      extendLock(task.getId(), newDuration);
    }

    @Override
    public void extendLock(String id, long newDuration) {
      engine.extendLock(id, WORKER, newDuration);
    }
  }
}
