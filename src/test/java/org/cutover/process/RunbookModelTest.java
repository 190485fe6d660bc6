package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conventions every element of the runbook model keeps. */
class RunbookModelTest {

  static final String RESOURCE = "bpmn/cutover-migration.bpmn";

  static BpmnModelInstance model;

  @BeforeAll
  static void readModel() throws Exception {
    try (InputStream in = RunbookModelTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      model = Bpmn.readModelFromStream(in);
    }
  }

  static <T extends ModelElementInstance> Collection<T> all(Class<T> type) {
    return model.getModelElementsByType(type);
  }

  /** The bean names the model's delegate expressions call. */
  static Set<String> delegateBeans() {
    Set<String> beans = new TreeSet<>();
    for (ServiceTask task : all(ServiceTask.class)) {
      if (task.getCamundaDelegateExpression() != null) {
        beans.add(task.getCamundaDelegateExpression().replaceAll("^\\$\\{(\\w+)}$", "$1"));
      }
    }
    return beans;
  }

  @Test
  void isTheExecutableProcessCutoverMigration() {
    Process process = model.getModelElementById("cutover-migration");
    assertThat(process.isExecutable()).isTrue();
    assertThat(process.getCamundaHistoryTimeToLiveString()).isNotBlank();
  }

  @Test
  void everyServiceStepIsAsynchronousWithTheConfiguredRetryCycle() {
    for (ServiceTask task : all(ServiceTask.class)) {
      boolean external = "external".equals(task.getCamundaType());
      if (external) {
        assertThat(task.getCamundaTopic()).as(task.getId()).isEqualTo(MailboxSyncWorker.TOPIC);
        assertThat(task.isCamundaAsyncAfter()).as(task.getId()).isTrue();
      } else {
        assertThat(task.isCamundaAsyncBefore()).as(task.getId()).isTrue();
        assertThat(task.getCamundaDelegateExpression())
            .as(task.getId())
            .matches("\\$\\{[a-z][A-Za-z]+}");
      }
      CamundaFailedJobRetryTimeCycle cycle =
          task.getExtensionElements()
              .getElementsQuery()
              .filterByType(CamundaFailedJobRetryTimeCycle.class)
              .singleResult();
      assertThat(cycle.getTextContent()).as(task.getId()).isEqualTo("${stepRetry.cycle()}");
    }
  }

  @Test
  void everyHumanTaskAndTheStartEventUseADeployedCamundaForm() {
    for (UserTask task : all(UserTask.class)) {
      assertThat(task.getCamundaFormRef()).as(task.getId()).matches("[a-z]+(-[a-z]+)*");
      assertThat(task.getCamundaFormRefBinding()).as(task.getId()).isEqualTo("deployment");
    }
    StartEvent start = model.getModelElementById("migrationRequested");
    assertThat(start.getCamundaFormRef()).isEqualTo("start-migration");
    assertThat(start.getCamundaFormRefBinding()).isEqualTo("deployment");
  }

  @Test
  void usesTheseForms() {
    Set<String> forms = new TreeSet<>();
    all(UserTask.class).forEach(task -> forms.add(task.getCamundaFormRef()));
    assertThat(forms)
        .containsExactly(
            "assign-licences",
            "communicate-changes",
            "correct-settings",
            "decommission-server",
            "fix-domain-verification",
            "review-final-sync",
            "send-welcome-letter",
            "set-dns-record",
            "start-batch");
  }

  @Test
  void idsAreCamelCaseAndStepsAreNamed() {
    for (FlowNode node : all(FlowNode.class)) {
      assertThat(node.getId()).matches("[a-z][A-Za-z0-9]+");
      if (!(node instanceof Gateway) || node.getOutgoing().size() > 1) {
        assertThat(node.getName()).as(node.getId()).isNotBlank();
      }
    }
  }

  @Test
  void everyFlowNodeIsDrawn() {
    Set<String> drawn = new TreeSet<>();
    all(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    List<String> nodes = all(FlowNode.class).stream().map(FlowNode::getId).toList();
    assertThat(drawn).containsAll(nodes);
  }
}
