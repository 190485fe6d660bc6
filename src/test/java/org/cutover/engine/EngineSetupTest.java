package org.cutover.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class EngineSetupTest {

  @Autowired TestRestTemplate rest;
  @Autowired IdentityService identityService;

  @Test
  void engineRestRefusesAnonymousCalls() {
    var response = rest.getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
  }

  @Test
  void engineRestAnswersTheConfiguredAdministrator() {
    var response =
        rest.withBasicAuth("admin", "admin-test-password")
            .getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
  }

  @Test
  void engineRestRefusesAWrongPassword() {
    var response =
        rest.withBasicAuth("admin", "wrong")
            .getForEntity("/engine-rest/process-definition", String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void syncWorkerAccountExistsWithTheConfiguredPassword(
      @Autowired org.springframework.core.env.Environment environment) {
    String password = environment.getProperty(WorkerPassword.PROPERTY);
    assertThat(password).isNotBlank();
    assertThat(identityService.checkPassword("cutoverworker", password)).isTrue();
  }

  @Test
  void deploysTheModelWithEveryFormInOneDeployment(
      @Autowired org.camunda.bpm.engine.RepositoryService repository) {
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
                "/engine-rest/process-definition/key/cutover-migration/deployed-start-form",
                String.class);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("\"start-migration\"");
  }
}
