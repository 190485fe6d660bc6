package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.MigrationPhase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runbook process {@code cutover-migration} end to end and through each detour, on a plain
 * engine with the real delegates and worker. Together the tests pass every flow node and sequence
 * flow of the model (asserted by the coverage extension).
 */
@Deployment(resources = "bpmn/cutover-migration.bpmn")
class CutoverMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

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

  private Runbook runbook(String... mailboxes) {
    return new Runbook(processEngine, new InMemoryMigrations(mailboxes), Runbook.defaults(8, 3));
  }

  @Test
  void runsTheWholeRunbookInOrder() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    ProcessInstance instance = runbook.start(true);
    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
    assertThat(instance.getBusinessKey()).isEqualTo(InMemoryMigrations.MIGRATION_ID);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("Communicate upcoming changes");

    runbook.complete("communicateChanges");
    assertThat(runbook.openSyncTasks()).isEqualTo(3);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("Copy the mailbox");
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("assignLicences");
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED");

    runbook.complete("assignLicences");
    // The swap is refused until the old MX TTL has run out since it was lowered.
    BpmnAwareTests.assertThat(instance).isWaitingAt("oldMxTtlRunOut");
    Instant safeAt = runbook.dns.loweredAt.plus(ScriptedDnsRunbook.ORIGINAL_MX_TTL);
    assertThat(runbook.timer("oldMxTtlRunOut").getDuedate().toInstant()).isEqualTo(safeAt);
    runbook.fire("oldMxTtlRunOut");
    assertThat(runbook.dns.swappedAt).isAfterOrEqualTo(safeAt);
    assertThat(runbook.migrations.mxSwitch).isEqualTo(runbook.dns.swappedAt);
    BpmnAwareTests.assertThat(instance).isWaitingAt("finalWaitOver");

    runbook.runIncrementalSync();
    runbook.fire("finalWaitOver");
    BpmnAwareTests.assertThat(instance).isWaitingAt("prepareWelcomeLetter");
    runbook.complete("prepareWelcomeLetter");
    runbook.complete("decommissionServer");

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "preparationStarted",
            "sendAnnouncement",
            "verifyTxtRecord",
            "runPreflight",
            "lowerMxTtl",
            "migrationStarted",
            "createEndpoint",
            "createBatch",
            "startBatch",
            "finishInitialSync",
            "assignLicences",
            "cutOverStarted",
            "swapMx",
            "verifyMxPropagation",
            "finalWaitOver",
            "verifyFinalSync",
            "deleteBatch",
            "finishingStarted",
            "createAutodiscover",
            "restoreMxTtl",
            "sendWelcomeLetter",
            "decommissionServer",
            "migrationCompleted");
    assertThat(runbook.migrations.phases)
        .containsExactly(
            MigrationPhase.PREPARING,
            MigrationPhase.MIGRATING,
            MigrationPhase.CUTTING_OVER,
            MigrationPhase.FINISHING,
            MigrationPhase.COMPLETED);
    assertThat(runbook.ports.calls)
        .containsSubsequence(
            "announcement", "preflight", "testSourceEndpoint", "provision m-1", "welcomeLetter");
    assertThat(runbook.dns.calls)
        .containsSubsequence(
            "verifyDomainTxt",
            "lowerMxTtl",
            "swapMx",
            "verifyMxPropagation",
            "createAutodiscover",
            "restoreMxTtl");
    assertThat(runbook.migrations.status).isEqualTo(BatchStatus.REMOVED);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID)).isEmpty();
  }
}
