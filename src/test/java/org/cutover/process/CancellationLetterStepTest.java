package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.UserLetters;
import org.cutover.migration.letters.UserLetterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Tell users the move is off" after a cancel: the letter goes out when the announcement did, and
 * not when it did not or the administrator turned the letter off.
 */
@Deployment(resources = "bpmn/cutover-migration.bpmn")
class CancellationLetterStepTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

  static final String ID = InMemoryMigrations.MIGRATION_ID;

  ProcessEngine processEngine;
  Runbook runbook;

  @BeforeEach
  void startRunbook() {
    BpmnAwareTests.init(processEngine);
    runbook =
        new Runbook(processEngine, new InMemoryMigrations("m-1", "m-2"), Runbook.defaults(8, 3));
  }

  @AfterEach
  void resetClockAndBeans() {
    Mocks.reset();
    ClockUtil.reset();
  }

  @Test
  void aCancelAfterTheAnnouncementTellsTheUsersTheMoveIsOff() {
    when(runbook.letters.announced(ID)).thenReturn(true);

    ProcessInstance instance = cancelledAfterTheAnnouncement();

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder("stopSyncing", "mailCancellationLetter", "migrationCancelled");
    assertThat(runbook.ports.calls).containsOnlyOnce("cancellationLetter");
    assertThat(runbook.ports.calls.indexOf("announcement"))
        .isLessThan(runbook.ports.calls.indexOf("cancellationLetter"));
  }

  @Test
  void nothingIsSentWhenNoAnnouncementWentOut() {
    when(runbook.letters.announced(ID)).thenReturn(false);

    ProcessInstance instance = cancelledAfterTheAnnouncement();

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("mailCancellationLetter");
    assertThat(runbook.ports.calls).doesNotContain("cancellationLetter");
  }

  @Test
  void nothingIsSentWhenTheAdministratorTurnedTheLetterOff() {
    when(runbook.letters.announced(ID)).thenReturn(true);
    Mocks.register(
        "mailCancellationLetter",
        new MailCancellationLetter(
            Runbook.provider(UserLetters.class, runbook.ports),
            runbook.letters,
            new UserLetterSettings(null, false)));

    ProcessInstance instance = cancelledAfterTheAnnouncement();

    BpmnAwareTests.assertThat(instance).isEnded().hasPassed("mailCancellationLetter");
    assertThat(runbook.ports.calls).doesNotContain("cancellationLetter");
  }

  @Test
  void withoutTheLettersCapabilityTheStepWaitsForTheAdministrator() {
    when(runbook.letters.announced(ID)).thenReturn(true);
    Mocks.register(
        "mailCancellationLetter",
        new MailCancellationLetter(
            Runbook.none(UserLetters.class), runbook.letters, new UserLetterSettings(null, true)));

    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");
    runbook.control.cancel(ID);
    assertThatThrownBy(runbook::runJobs).isInstanceOf(StepNeedsAdministrator.class);

    BpmnAwareTests.assertThat(instance).isWaitingAt("mailCancellationLetter");
    assertThat(processEngine.getRuntimeService().createIncidentQuery().singleResult())
        .satisfies(
            incident ->
                assertThat(incident.getIncidentMessage()).contains("letter capability (SMTP)"));
  }

  private ProcessInstance cancelledAfterTheAnnouncement() {
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");
    assertThat(runbook.ports.calls).contains("announcement");
    runbook.control.cancel(ID);
    runbook.runJobs();
    return instance;
  }
}
