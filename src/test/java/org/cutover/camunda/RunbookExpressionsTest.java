package org.cutover.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** What an expression in a deployed model can reach in the running application. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RunbookExpressionsTest {

  private static final String PROCESS = "expression-probe";

  @Autowired RepositoryService repository;
  @Autowired RuntimeService runtime;

  @AfterEach
  void removeTheProbe() {
    repository
        .createDeploymentQuery()
        .deploymentName(PROCESS)
        .list()
        .forEach(deployment -> repository.deleteDeployment(deployment.getId(), true));
  }

  /** Deploys a model whose one service task evaluates the expression, and runs it. */
  private Object evaluate(String expression) {
    repository
        .createDeployment()
        .name(PROCESS)
        .addModelInstance(
            PROCESS + ".bpmn",
            Bpmn.createExecutableProcess(PROCESS)
                .startEvent()
                .serviceTask()
                .camundaExpression(expression)
                .camundaResultVariable("result")
                .userTask()
                .endEvent()
                .done())
        .deploy();
    String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
    return runtime.getVariable(instance, "result");
  }

  @Test
  void aBeanTheRunbookNamesIsReachable() {
    assertThat(evaluate("${stepRetry.cycle()}")).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${environment.getProperty('cutover.secrets.key')}",
        "${applicationContext}",
        "${systemProperties}",
        "${systemEnvironment}",
        "${dataSource}",
        "${engineRestScope}",
      })
  void applicationBeansTheRunbookDoesNotNameAreUnknown(String expression) {
    assertThatThrownBy(() -> evaluate(expression))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Cannot resolve identifier");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${execution.getProcessEngine().getProcessEngineConfiguration()}",
        "${execution.processEngineServices.identityService}",
        "${execution.getClass().forName('java.lang.Runtime')}",
        "${stepRetry.class.classLoader}",
        "${''.getClass()}",
      })
  void noWayLeadsFromAnExpressionToTheEngineOrReflection(String expression) {
    assertThatThrownBy(() -> evaluate(expression))
        .isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("not available in process expressions");
  }

  @Test
  void namesAreTakenFromWhereExpressionsStart() {
    assertThat(
            RunbookExpressions.namesIn(
                "<a x=\"${batchMailboxes.ids(migrationId)}\" y=\"${runbookPhase.record(execution,"
                    + " 'CANCELLED')}\" z=\"#{stepRetry.cycle()}\"/>"))
        .containsExactlyInAnyOrder(
            "batchMailboxes", "migrationId", "runbookPhase", "execution", "stepRetry");
  }

  @Test
  void theRunbooksModelsNameItsStepBeans() {
    assertThat(RunbookExpressions.namesInModels())
        .contains("registerMigration", "stepRetry", "batchMailboxes", "runbookPhase")
        .doesNotContain("environment");
  }
}
