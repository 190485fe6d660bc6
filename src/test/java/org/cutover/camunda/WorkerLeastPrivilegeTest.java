package org.cutover.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.client.ExternalTaskClient;
import org.camunda.bpm.client.interceptor.auth.BasicAuthProvider;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The sync worker account over the real REST API and against the engine's authorizations: it works
 * the runbook's mailbox-sync tasks and is refused everything else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WorkerLeastPrivilegeTest {

  static final String WORKER = "cutoverworker";

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired RuntimeService runtime;
  @Autowired RepositoryService repository;
  @Autowired HistoryService history;

  @Value("${cutover.worker.password}")
  String workerPassword;

  @LocalServerPort int port;

  @AfterEach
  void signOutAndCleanUp() {
    identity.clearAuthentication();
    runtime
        .createProcessInstanceQuery()
        .processDefinitionKey(WorkerAccount.PROCESS_KEY)
        .list()
        .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test over"));
  }

  private String engineRest(String resource) {
    return "/engine-rest/engine/" + engine.getName() + resource;
  }

  private TestRestTemplate asWorker() {
    return rest.withBasicAuth(WORKER, workerPassword);
  }

  private static HttpHeaders withRequestedBy() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Requested-By", "test");
    return headers;
  }

  private ProcessInstance waitingForMailboxSync() {
    return runtime
        .createProcessInstanceByKey(WorkerAccount.PROCESS_KEY)
        .startBeforeActivity("copyMailbox")
        .setVariables(Map.of("migrationId", "m-1", "mailboxId", "mb-1"))
        .execute();
  }

  @Test
  void theWorkerFetchesExtendsFailsAndCompletesMailboxSyncTasks() {
    ProcessInstance instance = waitingForMailboxSync();
    AtomicInteger passes = new AtomicInteger();
    ExternalTaskClient client =
        ExternalTaskClient.create()
            .baseUrl("http://127.0.0.1:" + port + engineRest(""))
            .workerId("least-privilege-test")
            .addInterceptor(new BasicAuthProvider(WORKER, workerPassword))
            .addInterceptor(request -> request.addHeader("X-Requested-By", "cutover-worker"))
            .asyncResponseTimeout(1000)
            .disableBackoffStrategy()
            .build();
    try {
      client
          .subscribe("mailbox-sync")
          .variables("migrationId", "mailboxId", "syncMode")
          .handler(
              (task, service) -> {
                if (!instance.getId().equals(task.getProcessInstanceId())) {
                  return; // another test's instance waiting at the same task: not counted
                }
                service.extendLock(task, 60_000);
                if (passes.getAndIncrement() == 0) {
                  service.handleFailure(task, "first pass fails", null, 1, 0);
                } else {
                  service.complete(task, Map.of(), Map.of("syncSucceeded", true));
                }
              })
          .open();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  engine
                          .getExternalTaskService()
                          .createExternalTaskQuery()
                          .processInstanceId(instance.getId())
                          .count()
                      == 0);
    } finally {
      client.stop();
    }
    assertThat(passes).hasValue(2);
    // Completed: the instance waits at the asynchronous continuation after the task.
    assertThat(
            engine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .count())
        .isEqualTo(1);
  }

  @Test
  void theWorkerCannotDeployOverRest() {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("deployment-name", "attack");
    form.add(
        "model.bpmn",
        new ByteArrayResource(
            Bpmn.convertToString(
                    Bpmn.createExecutableProcess("attack").startEvent().endEvent().done())
                .getBytes()) {
          @Override
          public String getFilename() {
            return "model.bpmn";
          }
        });
    HttpHeaders headers = withRequestedBy();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    ResponseEntity<String> answer =
        asWorker()
            .postForEntity(
                engineRest("/deployment/create"), new HttpEntity<>(form, headers), String.class);

    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(repository.createDeploymentQuery().deploymentName("attack").count()).isZero();
  }

  @Test
  void theEngineRefusesTheWorkerADeployment() {
    identity.setAuthentication(WORKER, List.of());
    assertThatThrownBy(
            () ->
                repository
                    .createDeployment()
                    .name("attack")
                    .addModelInstance(
                        "attack.bpmn",
                        Bpmn.createExecutableProcess("attack").startEvent().endEvent().done())
                    .deploy())
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theWorkerReadsNoHistoryUsersOrGroups() {
    waitingForMailboxSync();
    for (String resource :
        List.of("/history/process-instance", "/user", "/group", "/process-definition", "/task")) {
      ResponseEntity<String> answer = asWorker().getForEntity(engineRest(resource), String.class);
      assertThat(answer.getStatusCode()).as(resource).isEqualTo(HttpStatus.FORBIDDEN);
      assertThat(answer.getBody()).as(resource).contains("sync worker account");
    }
    identity.setAuthentication(WORKER, List.of());
    assertThat(history.createHistoricProcessInstanceQuery().count()).isZero();
    assertThat(identity.createUserQuery().count()).isZero();
    assertThat(identity.createGroupQuery().count()).isZero();
    identity.clearAuthentication();
    assertThat(history.createHistoricProcessInstanceQuery().count()).isPositive();
    assertThat(identity.createUserQuery().count()).isPositive();
  }

  @Test
  void theWorkerCannotMakeItselfAnAdministrator() {
    ResponseEntity<String> answer =
        asWorker()
            .exchange(
                engineRest("/group/" + Groups.CAMUNDA_ADMIN + "/members/" + WORKER),
                HttpMethod.PUT,
                new HttpEntity<>(withRequestedBy()),
                String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

    identity.setAuthentication(WORKER, List.of());
    assertThatThrownBy(() -> identity.createMembership(WORKER, Groups.CAMUNDA_ADMIN))
        .isInstanceOf(AuthorizationException.class);
    identity.clearAuthentication();
    assertThat(identity.createGroupQuery().groupMember(WORKER).count()).isZero();
  }

  @Test
  void theWorkerIsRefusedByTheApi() {
    ResponseEntity<String> answer = asWorker().getForEntity("/api/migrations", String.class);
    assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void administratorsKeepEverything() {
    TestRestTemplate admin = rest.withBasicAuth("admin", "admin-test-password");
    for (String resource :
        List.of("/history/process-instance", "/user", "/group", "/process-definition")) {
      assertThat(admin.getForEntity(engineRest(resource), String.class).getStatusCode())
          .as(resource)
          .isEqualTo(HttpStatus.OK);
    }
    assertThat(admin.getForEntity(engineRest("/user"), String.class).getBody()).contains(WORKER);
  }
}
