package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
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

  /** The bean names the model's task listeners call by delegate expression. */
  static Set<String> taskListenerBeans() {
    Set<String> beans = new TreeSet<>();
    for (CamundaTaskListener listener : all(CamundaTaskListener.class)) {
      if (listener.getCamundaDelegateExpression() != null) {
        beans.add(listener.getCamundaDelegateExpression().replaceAll("^\\$\\{(\\w+)}$", "$1"));
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
  void onlyTheProvisioningOfEachMailboxRunsBesideTheRunbooksOtherJobs() {
    // The engine runs the exclusive jobs of one process instance one after another: a batch's
    // mailboxes would wait for their provisioning one at a time while the node's sync slots idle.
    // Each provisioning touches only its own mailbox and its own branch of the batch.
    for (ServiceTask task : all(ServiceTask.class)) {
      assertThat(task.isCamundaExclusive())
          .as(task.getId())
          .isEqualTo(!task.getId().equals("provisionMailbox"));
    }
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
            "approve-dns-changes",
            "assign-licences",
            "communicate-changes",
            "correct-settings",
            "decide-switch",
            "decommission-server",
            "fix-domain-verification",
            "fix-licences",
            "provision-recipients",
            "replace-refused-login",
            "review-failed-mailboxes",
            "review-final-sync",
            "review-late-mail",
            "review-mail-not-copied-back",
            "review-mx-proof",
            "review-preflight",
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
  void everySequenceFlowIsDrawnFromItsSourceToItsTargetInStraightLines() {
    Map<String, Bounds> shapes = shapeBounds();
    for (BpmnEdge edge : all(BpmnEdge.class)) {
      if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
        continue;
      }
      List<Waypoint> points = List.copyOf(edge.getWaypoints());
      assertThat(points).as(flow.getId()).hasSizeGreaterThanOrEqualTo(2);
      assertThat(onBorder(points.get(0), shapes.get(flow.getSource().getId())))
          .as("%s starts on %s", flow.getId(), flow.getSource().getId())
          .isTrue();
      assertThat(onBorder(points.get(points.size() - 1), shapes.get(flow.getTarget().getId())))
          .as("%s ends on %s", flow.getId(), flow.getTarget().getId())
          .isTrue();
      for (int i = 1; i < points.size(); i++) {
        Waypoint from = points.get(i - 1);
        Waypoint to = points.get(i);
        assertThat(from.getX().equals(to.getX()) || from.getY().equals(to.getY()))
            .as("segment %d of %s is horizontal or vertical", i, flow.getId())
            .isTrue();
      }
    }
    Set<String> drawn = new TreeSet<>();
    all(BpmnEdge.class).forEach(edge -> drawn.add(edge.getBpmnElement().getId()));
    assertThat(drawn)
        .containsAll(all(SequenceFlow.class).stream().map(SequenceFlow::getId).toList());
  }

  @Test
  void noTwoSequenceFlowsCross() {
    List<String> crossings = new ArrayList<>();
    List<BpmnEdge> edges = List.copyOf(all(BpmnEdge.class));
    for (int a = 0; a < edges.size(); a++) {
      for (int b = a + 1; b < edges.size(); b++) {
        if (cross(edges.get(a), edges.get(b))) {
          crossings.add(
              edges.get(a).getBpmnElement().getId()
                  + " x "
                  + edges.get(b).getBpmnElement().getId());
        }
      }
    }
    assertThat(crossings).isEmpty();
  }

  @Test
  void noTwoShapesOverlapUnlessOneHoldsTheOther() {
    List<BpmnShape> shapes =
        all(BpmnShape.class).stream()
            .filter(shape -> !(shape.getBpmnElement() instanceof BoundaryEvent))
            .toList();
    for (int a = 0; a < shapes.size(); a++) {
      for (int b = a + 1; b < shapes.size(); b++) {
        Bounds one = shapes.get(a).getBounds();
        Bounds other = shapes.get(b).getBounds();
        boolean overlap =
            one.getX() < other.getX() + other.getWidth()
                && other.getX() < one.getX() + one.getWidth()
                && one.getY() < other.getY() + other.getHeight()
                && other.getY() < one.getY() + one.getHeight();
        assertThat(!overlap || holds(one, other) || holds(other, one))
            .as(
                "%s and %s overlap",
                shapes.get(a).getBpmnElement().getId(), shapes.get(b).getBpmnElement().getId())
            .isTrue();
      }
    }
  }

  private static Map<String, Bounds> shapeBounds() {
    Map<String, Bounds> bounds = new HashMap<>();
    all(BpmnShape.class)
        .forEach(shape -> bounds.put(shape.getBpmnElement().getId(), shape.getBounds()));
    return bounds;
  }

  private static boolean onBorder(Waypoint point, Bounds box) {
    double x = point.getX();
    double y = point.getY();
    double right = box.getX() + box.getWidth();
    double bottom = box.getY() + box.getHeight();
    boolean onHorizontalSide = (y == box.getY() || y == bottom) && x >= box.getX() && x <= right;
    boolean onVerticalSide = (x == box.getX() || x == right) && y >= box.getY() && y <= bottom;
    return onHorizontalSide || onVerticalSide;
  }

  private static boolean holds(Bounds outer, Bounds inner) {
    return outer.getX() <= inner.getX()
        && outer.getY() <= inner.getY()
        && inner.getX() + inner.getWidth() <= outer.getX() + outer.getWidth()
        && inner.getY() + inner.getHeight() <= outer.getY() + outer.getHeight();
  }

  /** Whether a horizontal segment of one edge passes through a vertical segment of the other. */
  private static boolean cross(BpmnEdge one, BpmnEdge other) {
    List<Waypoint> a = List.copyOf(one.getWaypoints());
    List<Waypoint> b = List.copyOf(other.getWaypoints());
    for (int i = 1; i < a.size(); i++) {
      for (int j = 1; j < b.size(); j++) {
        if (crossing(a.get(i - 1), a.get(i), b.get(j - 1), b.get(j))
            || crossing(b.get(j - 1), b.get(j), a.get(i - 1), a.get(i))) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean crossing(Waypoint h1, Waypoint h2, Waypoint v1, Waypoint v2) {
    if (!h1.getY().equals(h2.getY()) || !v1.getX().equals(v2.getX())) {
      return false;
    }
    double x = v1.getX();
    double y = h1.getY();
    return Math.min(h1.getX(), h2.getX()) < x
        && x < Math.max(h1.getX(), h2.getX())
        && Math.min(v1.getY(), v2.getY()) < y
        && y < Math.max(v1.getY(), v2.getY());
  }

  @Test
  void everyFlowNodeIsDrawn() {
    Set<String> drawn = new TreeSet<>();
    all(BpmnShape.class).forEach(shape -> drawn.add(shape.getBpmnElement().getId()));
    List<String> nodes = all(FlowNode.class).stream().map(FlowNode::getId).toList();
    assertThat(drawn).containsAll(nodes);
  }
}
