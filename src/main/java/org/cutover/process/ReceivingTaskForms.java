package org.cutover.process;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.TaskFormData;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.ExpressionManager;
import org.camunda.bpm.engine.impl.form.handler.TaskFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;

/**
 * Lets a user task's complete listeners that are {@link TaskFormReceiver}s take a form submission
 * while it is being submitted, before the task completes: a refusal there is a form validation
 * error, which the engine's REST API (and so Tasklist) answers with 400 and the refusal's message.
 * Listeners given by {@code camunda:delegateExpression} are looked up when a form is submitted, so
 * the model needs nothing more than its listeners.
 */
@Component
class ReceivingTaskForms extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new Wrapper(configuration));
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /** Wraps the form handler of every user task with a complete listener given by expression. */
  private static final class Wrapper extends AbstractBpmnParseListener {

    private final ProcessEngineConfigurationImpl configuration;

    Wrapper(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
      if (!(activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask)) {
        return;
      }
      TaskDefinition definition = userTask.getTaskDefinition();
      List<TaskListener> onComplete =
          definition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
      List<String> expressions = new ArrayList<>();
      for (TaskListener listener : onComplete == null ? List.<TaskListener>of() : onComplete) {
        if (listener instanceof DelegateExpressionTaskListener byExpression) {
          expressions.add(byExpression.getExpressionText());
        }
      }
      if (!expressions.isEmpty()) {
        definition.setTaskFormHandler(
            new Handler(definition.getTaskFormHandler(), expressions, configuration));
      }
    }
  }

  /** The task's own form handler, then each receiver among the task's complete listeners. */
  private static final class Handler implements TaskFormHandler {

    private final TaskFormHandler handler;
    private final List<String> listenerExpressions;
    private final ProcessEngineConfigurationImpl configuration;

    Handler(
        TaskFormHandler handler,
        List<String> listenerExpressions,
        ProcessEngineConfigurationImpl configuration) {
      this.handler = handler;
      this.listenerExpressions = List.copyOf(listenerExpressions);
      this.configuration = configuration;
    }

    @Override
    public void parseConfiguration(
        Element element,
        DeploymentEntity deployment,
        ProcessDefinitionEntity processDefinition,
        BpmnParse bpmnParse) {
      handler.parseConfiguration(element, deployment, processDefinition, bpmnParse);
    }

    @Override
    public TaskFormData createTaskForm(TaskEntity task) {
      return handler.createTaskForm(task);
    }

    @Override
    public void submitFormVariables(VariableMap properties, VariableScope scope) {
      handler.submitFormVariables(properties, scope);
      if (!(scope instanceof DelegateTask task)) {
        return;
      }
      ExpressionManager expressions = configuration.getExpressionManager();
      for (String text : listenerExpressions) {
        if (expressions.createExpression(text).getValue(task)
            instanceof TaskFormReceiver receiver) {
          receiver.receive(task);
        }
      }
    }
  }
}
