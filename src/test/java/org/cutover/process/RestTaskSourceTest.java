package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The remote task source against the application's own engine REST API, signed in as the worker
 * account: it locks, extends, fails and completes {@code mailbox-sync} tasks as the engine's
 * external-task contract says, and a lock the engine no longer gives it is refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RestTaskSourceTest {

  static final String PROCESS = "rest-task-source-probe";

  @Autowired ProcessEngine engine;
  @Autowired ObjectMapper json;
  @LocalServerPort int port;

  @Value("${cutover.worker.user}")
  String user;

  @Value("${cutover.worker.password}")
  String password;

  @BeforeEach
  void deploy() {
    if (engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(PROCESS)
            .count()
        == 0) {
      engine
          .getRepositoryService()
          .createDeployment()
          .addModelInstance(
              PROCESS + ".bpmn",
              Bpmn.createExecutableProcess(PROCESS)
                  .startEvent()
                  .serviceTask("sync")
                  .camundaExternalTask(TaskSource.TOPIC)
                  .endEvent()
                  .done())
          .deploy();
      // The worker account may work the runbook's tasks only: the probe's are granted alike.
      org.camunda.bpm.engine.authorization.Authorization grant =
          engine
              .getAuthorizationService()
              .createNewAuthorization(
                  org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT);
      grant.setUserId(user);
      grant.setResource(org.camunda.bpm.engine.authorization.Resources.PROCESS_DEFINITION);
      grant.setResourceId(PROCESS);
      grant.addPermission(
          org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.READ_INSTANCE);
      grant.addPermission(
          org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions.UPDATE_INSTANCE);
      engine.getAuthorizationService().saveAuthorization(grant);
    }
  }

  private RestTaskSource source(String workerId) {
    return new RestTaskSource(
        HttpClient.newHttpClient(),
        json,
        URI.create("http://localhost:" + port + "/engine-rest/engine/" + engine.getName()),
        user,
        password,
        Map.of("X-Requested-By", "cutover"),
        workerId,
        Duration.ofSeconds(1),
        Clock.systemUTC());
  }

  private String start(String mailboxId) {
    return engine
        .getRuntimeService()
        .startProcessInstanceByKey(
            PROCESS, Map.of("migrationId", "mig-1", "mailboxId", mailboxId, "syncMode", "INITIAL"))
        .getId();
  }

  @Test
  void locksNoMoreThanAskedAndCompletesWithLocalVariables() {
    String first = start("mbx-1");
    start("mbx-2");
    RestTaskSource worker = source("remote-1");

    List<SyncTask> tasks = worker.fetchAndLock(1, Duration.ofMinutes(5));

    assertThat(tasks).hasSize(1);
    SyncTask task = tasks.get(0);
    assertThat(task.migrationId()).isEqualTo("mig-1");
    assertThat(task.mailboxId()).isIn("mbx-1", "mbx-2");
    assertThat(task.syncMode()).isEqualTo("INITIAL");
    assertThat(task.retries()).isNull();
    worker.extendLock(task.id(), Duration.ofMinutes(10));
    worker.complete(task.id(), Map.of("syncSucceeded", true, "messagesCopied", 12L));

    String instance =
        task.mailboxId().equals("mbx-1")
            ? first
            : engine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableValueEquals("mailboxId", "mbx-2")
                .singleResult()
                .getProcessInstanceId();
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(instance)
                .count())
        .isZero();
    HistoricVariableInstance copied =
        engine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(instance)
            .variableName("messagesCopied")
            .singleResult();
    assertThat(copied.getValue()).isEqualTo(12L);
    assertThat(copied.getActivityInstanceId()).isNotEqualTo(instance); // local to the task
  }

  @Test
  void aFailureKeepsItsRetriesAndWait() {
    start("mbx-3");
    RestTaskSource worker = source("remote-2");
    SyncTask task = worker.fetchAndLock(5, Duration.ofMinutes(5)).get(0);

    worker.handleFailure(
        task.id(), "imap.contoso.com closed the connection", 4, Duration.ofMinutes(1));

    var stored =
        engine
            .getExternalTaskService()
            .createExternalTaskQuery()
            .externalTaskId(task.id())
            .singleResult();
    assertThat(stored.getRetries()).isEqualTo(4);
    assertThat(stored.getErrorMessage()).isEqualTo("imap.contoso.com closed the connection");
    assertThat(worker.fetchAndLock(5, Duration.ofMinutes(5)).stream().map(SyncTask::id))
        .doesNotContain(task.id());
  }

  @Test
  void anExtensionOfATaskAnotherWorkerHoldsIsRefused() {
    start("mbx-4");
    RestTaskSource first = source("remote-3");
    SyncTask task = first.fetchAndLock(5, Duration.ofMinutes(5)).get(0);
    engine.getExternalTaskService().unlock(task.id());
    source("remote-4").fetchAndLock(5, Duration.ofMinutes(5));

    assertThatThrownBy(() -> first.extendLock(task.id(), Duration.ofMinutes(5)))
        .isInstanceOf(TaskLockRefused.class)
        .hasMessageContaining("HTTP 4");
  }
}
