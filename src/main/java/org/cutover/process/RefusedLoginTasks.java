package org.cutover.process;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.incident.IncidentHandler;
import org.camunda.bpm.engine.runtime.Incident;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.logins.LoginRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A step or a pass that fails because a server refused the migration's login ({@link LoginRefused})
 * opens the task "Replace the refused login and retry" beside its incident: the runbook's event
 * subprocess {@value #MESSAGE} starts with the endpoint and what the server answered. The
 * incident's message is all that travels from a remote sync worker, so the refusal is known by its
 * text. The task opens after the failure is committed, in its own transaction, and only when no
 * such task for the same endpoint is open already (a refused admin password fails every mailbox
 * alike).
 */
@Component
class RefusedLoginTasks extends AbstractProcessEnginePlugin {

  static final String MESSAGE = "loginRefused";
  static final String TASK = "replaceRefusedLogin";

  private static final Logger log = LoggerFactory.getLogger(RefusedLoginTasks.class);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, IncidentHandler> handlers = configuration.getIncidentHandlers();
    for (String type :
        List.of(Incident.FAILED_JOB_HANDLER_TYPE, Incident.EXTERNAL_TASK_HANDLER_TYPE)) {
      handlers.put(type, new OpeningTask(handlers.get(type), configuration));
    }
  }

  /** The engine's handler, then the task for a refused login. */
  private record OpeningTask(IncidentHandler handler, ProcessEngineConfigurationImpl configuration)
      implements IncidentHandler {

    @Override
    public String getIncidentHandlerType() {
      return handler.getIncidentHandlerType();
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
      Incident incident = handler.handleIncident(context, message);
      EndpointRole side = LoginRefused.sideNamedIn(message).orElse(null);
      if (side != null && incident != null && incident.getProcessInstanceId() != null) {
        String processInstanceId = incident.getProcessInstanceId();
        Context.getCommandContext()
            .getTransactionContext()
            .addTransactionListener(
                TransactionState.COMMITTED,
                committed ->
                    configuration
                        .getCommandExecutorTxRequiresNew()
                        .execute(
                            command -> {
                              open(processInstanceId, side, message);
                              return null;
                            }));
      }
      return incident;
    }

    private void open(String processInstanceId, EndpointRole side, String message) {
      TaskService tasks = configuration.getTaskService();
      RuntimeService runtime = configuration.getRuntimeService();
      String named = LoginRefused.name(side);
      boolean open =
          tasks
              .createTaskQuery()
              .processInstanceId(processInstanceId)
              .taskDefinitionKey(TASK)
              .list()
              .stream()
              .anyMatch(
                  task ->
                      named.equals(
                          tasks.getVariable(task.getId(), ProcessVariables.REFUSED_SIDE.name())));
      if (open) {
        return;
      }
      try {
        int opened =
            runtime
                .createMessageCorrelation(MESSAGE)
                .processInstanceId(processInstanceId)
                .setVariable(ProcessVariables.REFUSED_SIDE.name(), named)
                .setVariable(ProcessVariables.REFUSED_LOGIN.name(), message)
                .correlateAllWithResult()
                .size();
        log.info(
            "Process instance {}: the {} refused the login; {} task to replace it opened",
            processInstanceId,
            named,
            opened);
      } catch (RuntimeException e) {
        // The runbook is past the steps that sign in, or busy: the incident stays, and the
        // credential is replaced over the API.
        log.warn(
            "Process instance {}: no task to replace the refused {} login: {}",
            processInstanceId,
            named,
            e.getMessage());
      }
    }

    @Override
    public void resolveIncident(IncidentContext context) {
      handler.resolveIncident(context);
    }

    @Override
    public void deleteIncident(IncidentContext context) {
      handler.deleteIncident(context);
    }
  }
}
