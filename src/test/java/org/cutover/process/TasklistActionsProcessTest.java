package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.RequestedMailboxes;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Tasklist actions "Sync mailboxes now" and "Plan the switch": each start runs its request in
 * the start's own transaction, so that a refused request refuses the start with the reason.
 */
@Deployment(resources = {"bpmn/sync-mailboxes-now.bpmn", "bpmn/plan-switch.bpmn"})
class TasklistActionsProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  ProcessEngine processEngine;
  final RunbookControl runbook = mock(RunbookControl.class);
  final RequestedMailboxes requested = mock(RequestedMailboxes.class);
  final SwitchTimeControl switchTimes = mock(SwitchTimeControl.class);

  @BeforeEach
  void registerBeans() {
    BpmnAwareTests.init(processEngine);
    Mocks.register("tasklistSyncRequest", new TasklistSyncRequest(runbook, requested));
    Mocks.register("tasklistSwitchPlan", new TasklistSwitchPlan(switchTimes));
  }

  @AfterEach
  void resetBeans() {
    Mocks.reset();
  }

  private static MailboxState mailbox(String id, String address) {
    return new MailboxState(
        id, "mig-1", address, address, null, MailboxStatus.SYNCED, null, 0, 0, 0, 0, null);
  }

  @Test
  void syncsTheListedMailboxesNowAndLeavesOutThoseAlreadySyncing() {
    when(requested.resolve("mig-1", List.of("anna@contoso.com", "bo@contoso.com")))
        .thenReturn(List.of(mailbox("m-1", "anna@contoso.com"), mailbox("m-2", "bo@contoso.com")));
    when(runbook.requestSync("mig-1", List.of("m-1", "m-2")))
        .thenReturn(new SyncRequested(List.of("m-2"), List.of("m-1")));

    ProcessInstance start =
        processEngine
            .getFormService()
            .submitStartForm(
                definition("cutover-sync-now"),
                Map.of(
                    "syncMigrationId",
                    "mig-1",
                    "syncMailboxes",
                    "anna@contoso.com\nbo@contoso.com"));

    BpmnAwareTests.assertThat(start).isEnded().hasPassed("tasklistSyncRequest");
    assertThat(history(start, "syncQueued")).isEqualTo("bo@contoso.com");
    assertThat(history(start, "syncLeftOut")).isEqualTo("anna@contoso.com");
  }

  @Test
  void aSyncOutsideItsPhaseRefusesTheStartSayingWhen() {
    when(requested.resolve("mig-1", List.of())).thenReturn(List.of(mailbox("m-1", "a@c.com")));
    when(runbook.requestSync(anyString(), any())).thenThrow(new IllegalStateException("no"));

    assertThatThrownBy(
            () ->
                processEngine
                    .getFormService()
                    .submitStartForm(
                        definition("cutover-sync-now"), Map.of("syncMigrationId", "mig-1")))
        .hasMessageContaining("syncs on request run from the end of the initial sync");
    assertThat(processEngine.getHistoryService().createHistoricProcessInstanceQuery().count())
        .isZero();
  }

  @Test
  void plansTheSwitchFromTasklist() {
    PlannedSwitch planned =
        new PlannedSwitch(Instant.parse("2026-04-18T16:00:00Z"), "Europe/Copenhagen", 0);
    SwitchTime time =
        new SwitchTime(LocalDate.of(2026, 4, 18), LocalTime.of(18, 0), "Europe/Copenhagen");
    when(switchTimes.plan(eq("mig-1"), eq(time), eq("$"), any())).thenReturn(planned);

    ProcessInstance start =
        processEngine
            .getFormService()
            .submitStartForm(
                definition("cutover-plan-switch"),
                Map.of(
                    "switchMigrationId", "mig-1",
                    "newSwitchDate", "2026-04-18T00:00:00",
                    "newSwitchTime", "18:00",
                    "newSwitchZone", "Europe/Copenhagen"));

    BpmnAwareTests.assertThat(start).isEnded().hasPassed("tasklistSwitchPlan");
    assertThat(history(start, "plannedSwitchShown"))
        .isEqualTo("2026-04-18T18:00+02:00[Europe/Copenhagen]");
  }

  @Test
  void aSwitchTimeThatBreaksARuleRefusesTheStart() {
    when(switchTimes.plan(anyString(), any(), anyString(), any()))
        .thenThrow(
            new RejectedSettings(List.of(new SettingsProblem("$.date", "must be in the future"))));

    assertThatThrownBy(
            () ->
                processEngine
                    .getFormService()
                    .submitStartForm(
                        definition("cutover-plan-switch"),
                        Map.of(
                            "switchMigrationId", "mig-1",
                            "newSwitchDate", "2020-01-01",
                            "newSwitchTime", "18:00",
                            "newSwitchZone", "UTC")))
        .hasMessageContaining("date: must be in the future");
    verify(runbook, never()).requestSync(anyString(), any());
  }

  private String definition(String key) {
    return processEngine
        .getRepositoryService()
        .createProcessDefinitionQuery()
        .processDefinitionKey(key)
        .singleResult()
        .getId();
  }

  private Object history(ProcessInstance instance, String name) {
    return processEngine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }
}
