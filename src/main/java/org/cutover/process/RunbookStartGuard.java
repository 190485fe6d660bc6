package org.cutover.process;

import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.cutover.migration.RunbookClaims;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A migration's runbook starts once. Every start of {@value CamundaRunbookControl#PROCESS_KEY} that
 * names a migration by the variable {@code migrationId} or by its business key (the REST API's, or
 * anyone's over {@code /engine-rest}: a plain start, one at chosen activities, a restart of an old
 * instance) passes this listener, which claims the migration for the new instance; a migration that
 * is unknown, already claimed or already run by another instance refuses the start, and nothing of
 * it is kept. The Tasklist start form names no migration: "Register the migration" claims the one
 * it registers.
 *
 * <p>The listener is added to the process as a built-in one when the model is parsed, so a start
 * that skips custom listeners passes it too.
 */
@Component
class RunbookStartGuard extends AbstractProcessEnginePlugin implements ExecutionListener {

  private static final Logger log = LoggerFactory.getLogger(RunbookStartGuard.class);

  private final RunbookClaims claims;

  RunbookStartGuard(RunbookClaims claims) {
    this.claims = claims;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners =
        configuration.getCustomPostBPMNParseListeners() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(
        new AbstractBpmnParseListener() {
          @Override
          public void parseProcess(Element element, ProcessDefinitionEntity process) {
            if (CamundaRunbookControl.PROCESS_KEY.equals(process.getKey())) {
              process.addBuiltInListener(ExecutionListener.EVENTNAME_START, RunbookStartGuard.this);
            }
          }
        });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  /**
   * The process instance starts: a start naming a migration, by the variable or by the business key
   * (a restart keeps the old instance's), must be its first and only one.
   */
  @Override
  public void notify(DelegateExecution execution) {
    Object variable = execution.getVariable(ProcessVariables.MIGRATION_ID.name());
    String migrationId = variable == null ? null : String.valueOf(variable);
    if (migrationId != null) {
      claim(migrationId, execution);
    }
    String businessKey = execution.getProcessBusinessKey();
    if (businessKey != null && !businessKey.equals(migrationId) && claims.exists(businessKey)) {
      throw alreadyRun(businessKey, claims.runbookOf(businessKey));
    }
  }

  /**
   * Makes {@code execution}'s process instance the migration's runbook.
   *
   * @throws RestException (the engine's REST API answers with its status and message) when the
   *     migration is unknown or has a runbook already
   */
  void claim(String migrationId, DelegateExecution execution) {
    if (!claims.exists(migrationId)) {
      throw new Refused(
          Response.Status.BAD_REQUEST,
          "There is no migration "
              + migrationId
              + ": register it with POST /api/migrations, which starts its runbook, or start the"
              + " runbook from the Tasklist start form without a migrationId");
    }
    Optional<String> other = otherInstance(migrationId, execution);
    if (other.isPresent()) {
      throw alreadyRun(migrationId, other);
    }
    if (!claims.claimRunbook(migrationId, execution.getProcessInstanceId())) {
      throw alreadyRun(migrationId, claims.runbookOf(migrationId));
    }
  }

  /**
   * Makes {@code execution}'s process instance the runbook of the migration it has just registered
   * (the Tasklist start form's way).
   */
  void claimRegistered(String migrationId, DelegateExecution execution) {
    if (!claims.claimRunbook(migrationId, execution.getProcessInstanceId())) {
      throw new IllegalStateException(
          "Migration " + migrationId + " was registered by this runbook but has another one");
    }
  }

  private static Refused alreadyRun(String migrationId, Optional<String> runbook) {
    log.warn("Migration {}: a second start of its runbook was refused", migrationId);
    return new Refused(
        Response.Status.CONFLICT,
        "Migration "
            + migrationId
            + " has its runbook already"
            + runbook.map(id -> " (process instance " + id + ")").orElse("")
            + ", and a migration's runbook starts once: follow it with GET /api/migrations/"
            + migrationId
            + " (cancel it with POST /api/migrations/"
            + migrationId
            + "/cancel), or register a new migration to migrate again");
  }

  /** Another instance of the runbook, running or ended, kept for this migration. */
  private static Optional<String> otherInstance(String migrationId, DelegateExecution execution) {
    String self = execution.getProcessInstanceId();
    return execution
        .getProcessEngineServices()
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(CamundaRunbookControl.PROCESS_KEY)
        .processInstanceBusinessKey(migrationId)
        .list()
        .stream()
        .map(HistoricProcessInstance::getId)
        .filter(id -> !id.equals(self))
        .findFirst();
  }

  /** A refused start; the engine's REST API answers it with its status and message. */
  static final class Refused extends RestException {
    Refused(Response.Status status, String message) {
      super(status, message);
    }
  }
}
