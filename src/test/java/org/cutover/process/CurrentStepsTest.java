package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The current steps read from one grouped query name exactly what the engine's activity tree names,
 * at each kind of wait: a user task, async continuations of a batch's many branches, external
 * tasks, a timer, parallel waits in a sub-process, and the end.
 */
@Deployment(resources = {"bpmn/cutover-migration.bpmn", "bpmn/switch-letters.bpmn"})
class CurrentStepsTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

  static final String ID = InMemoryMigrations.MIGRATION_ID;

  ProcessEngine processEngine;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClockAndBeans() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void namesWhatTheActivityTreeNamesThroughTheRunbook() {
    Runbook runbook =
        new Runbook(
            processEngine,
            new InMemoryMigrations("m-1", "m-2", "m-3", "m-4"),
            Runbook.defaults(8, 3));
    runbook.dns.guided("lowerMxTtl", 1);
    ProcessInstance instance = runbook.startOnly(true);
    assertSameAsTree(runbook, instance);

    runbook.runJobs();
    assertSameAsTree(runbook, instance); // a user task
    runbook.complete("communicateChanges");
    assertSameAsTree(runbook, instance); // the guided DNS task
    runbook.complete("setLoweredTtlRecord", Map.of("dnsRecordSet", true));
    assertThat(runbook.openSyncTasks()).isEqualTo(4);
    assertSameAsTree(runbook, instance); // four branches at one external task
    assertThat(runbook.control.currentSteps(ID)).containsExactly("Copy the mailbox");

    runbook.workSyncTasks();
    assertSameAsTree(runbook, instance); // licences, with the batch kept in sync beside them
    runbook.complete("assignLicences");
    assertSameAsTree(runbook, instance); // the old TTL's timer
    runbook.fire("oldMxTtlRunOut");
    assertSameAsTree(runbook, instance);
  }

  @Test
  void namesNothingOnceTheRunbookHasEnded() {
    Runbook runbook =
        new Runbook(processEngine, new InMemoryMigrations("m-1"), Runbook.defaults(8, 3));
    ProcessInstance instance = runbook.start(true);
    processEngine.getRuntimeService().deleteProcessInstance(instance.getId(), "test over");
    assertThat(runbook.control.currentSteps(ID)).isEmpty();
  }

  private void assertSameAsTree(Runbook runbook, ProcessInstance instance) {
    ActivityInstance tree = processEngine.getRuntimeService().getActivityInstance(instance.getId());
    Set<String> fromTree = new LinkedHashSet<>();
    if (tree != null) {
      leaves(tree, fromTree);
    }
    assertThat(runbook.control.currentSteps(ID)).containsExactlyInAnyOrderElementsOf(fromTree);
  }

  private static void leaves(ActivityInstance scope, Set<String> names) {
    for (TransitionInstance waiting : scope.getChildTransitionInstances()) {
      names.add(nameOr(waiting.getActivityName(), waiting.getActivityId()));
    }
    for (ActivityInstance child : scope.getChildActivityInstances()) {
      if (child.getChildActivityInstances().length == 0
          && child.getChildTransitionInstances().length == 0) {
        names.add(nameOr(child.getActivityName(), child.getActivityId()));
      } else {
        leaves(child, names);
      }
    }
  }

  private static String nameOr(String name, String id) {
    return name == null ? id : name;
  }
}
