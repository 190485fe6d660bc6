package org.cutover.camunda;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineSetupTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngine engine;

  /** Tests get a uniquely named engine, so the REST paths name it. */
  private String engineRest(String resource) {
    return "/engine-rest/engine/" + engine.getName() + resource;
  }

  @Test
  void engineRestRefusesAnonymousCalls() {
    var response = rest.getForEntity(engineRest("/process-definition"), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void engineRestListsItsEnginesOnlyAfterALogin() {
    var anonymous = rest.getForEntity("/engine-rest/engine", String.class);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
    var administrator =
        rest.withBasicAuth("admin", "admin-test-password")
            .getForEntity("/engine-rest/engine", String.class);
    assertThat(administrator.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(administrator.getBody()).contains(engine.getName());
  }

  @Test
  void engineRestAnswersTheConfiguredAdministrator() {
    var response =
        rest.withBasicAuth("admin", "admin-test-password")
            .getForEntity(engineRest("/process-definition"), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void engineRestRefusesAWrongPassword() {
    // Another account than the administrator, whom the other tests sign in as.
    var user = identityService.newUser("wrongpassword");
    user.setPassword("the-right-one");
    identityService.saveUser(user);
    var response =
        rest.withBasicAuth("wrongpassword", "a-wrong-one")
            .getForEntity(engineRest("/process-definition"), String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void syncWorkerAccountExistsWithTheConfiguredPassword(@Autowired Environment environment) {
    String password = environment.getProperty(WorkerPassword.PROPERTY);
    assertThat(password).isNotBlank();
    assertThat(identityService.checkPassword("cutoverworker", password)).isTrue();
  }

  @Test
  void deploysTheModelWithEveryFormInOneDeployment(@Autowired RepositoryService repository) {
    var deployment =
        repository
            .createDeploymentQuery()
            .deploymentName(FolderDeployment.DEPLOYMENT_NAME)
            .singleResult();
    assertThat(repository.getDeploymentResourceNames(deployment.getId()))
        .contains(
            "bpmn/cutover-migration.bpmn",
            "forms/start-migration.form",
            "forms/set-dns-record.form",
            "forms/decommission-server.form");
  }

  @Test
  void tasklistCanLoadTheStartForm() {
    var response =
        rest.withBasicAuth("admin", "admin-test-password")
            .getForEntity(
                engineRest("/process-definition/key/cutover-migration/deployed-start-form"),
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"start-migration\"");
  }
}
