package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cutover.migration.LetterPreview;
import org.cutover.migration.LettersAlreadySent;
import org.cutover.migration.LettersNotConfigured;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.notify.LetterEdit;
import org.cutover.notify.LetterKind;
import org.cutover.notify.LetterTemplateError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The letter tasks as Tasklist works them: the letter shown in the task's own variables, the
 * administrator's edit and planned switch stored on completion, and a rejected edit reported.
 */
@Deployment(resources = "bpmn/cutover-migration.bpmn")
class LetterTasksTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml").build();

  ProcessEngine processEngine;
  Runbook runbook;
  ProcessInstance instance;

  static final String ID = InMemoryMigrations.MIGRATION_ID;
  static final LetterPreview ANNOUNCEMENT = Runbook.preview(LetterKind.ANNOUNCEMENT);

  @BeforeEach
  void startRunbook() {
    BpmnAwareTests.init(processEngine);
    runbook = new Runbook(processEngine, new InMemoryMigrations("m-1"), Runbook.defaults(8, 3));
  }

  private void start() {
    instance = runbook.start(true);
    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
  }

  @AfterEach
  void resetClockAndBeans() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private String taskId() {
    return runbook.task("communicateChanges").getId();
  }

  /** What Tasklist submits: the form's fields, here the letter as shown and the approval. */
  private Map<String, Object> form(String subject, String text, String plannedSwitch) {
    Map<String, Object> values = new HashMap<>();
    values.put("letterSubject", subject);
    values.put("letterText", text);
    values.put("plannedSwitch", plannedSwitch);
    values.put("announcementApproved", true);
    return values;
  }

  private void submit(Map<String, Object> values) {
    processEngine.getFormService().submitTaskForm(taskId(), values);
    runbook.runJobs();
  }

  @Test
  void showsTheAnnouncementInTheTasksOwnVariables() {
    start();
    Map<String, Object> local = processEngine.getTaskService().getVariablesLocal(taskId());

    assertThat(local)
        .containsEntry("letterSubject", ANNOUNCEMENT.subject())
        .containsEntry("letterText", ANNOUNCEMENT.body())
        .containsEntry(
            "letterPlaceholders",
            "{{displayName}}, {{emailAddress}}, {{domain}}, {{plannedSwitch}}")
        .containsEntry("plannedSwitch", null)
        .containsEntry(
            "letterShown", LetterReview.fingerprint(ANNOUNCEMENT.subject(), ANNOUNCEMENT.body()));
    assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("letterSubject", "letterText", "letterPlaceholders", "plannedSwitch");
  }

  @Test
  void showsTheSwitchAlreadyPlanned() {
    when(runbook.letters.plannedSwitch(ID)).thenReturn(Optional.of(LocalDate.of(2026, 4, 18)));

    start();

    assertThat(processEngine.getTaskService().getVariablesLocal(taskId()))
        .containsEntry("plannedSwitch", "2026-04-18");
  }

  @Test
  void storesAnEditedLetter() {
    start();
    String text = "Kære {{displayName}},\n\nVi flytter jeres e-mail i weekenden.\n";

    submit(form("Ny e-mail fra mandag", text, null));

    verify(runbook.letters)
        .edit(
            eq(ID),
            eq(LetterKind.ANNOUNCEMENT),
            eq(new LetterEdit("Ny e-mail fra mandag", text)),
            anyString());
    assertThat(runbook.ports.calls).contains("announcement");
    assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("letterSubject", "letterText");
  }

  @Test
  void storesNothingWhenTheLetterIsUnchanged() {
    start();
    // The text area sends Windows line breaks and no final line break: still the same letter.
    String asSubmitted = ANNOUNCEMENT.body().strip().replace("\n", "\r\n");

    submit(form(ANNOUNCEMENT.subject() + " ", asSubmitted, ""));

    verify(runbook.letters, never()).edit(any(), any(), any(), any());
    verify(runbook.letters, never()).planSwitch(any(), any());
    assertThat(runbook.ports.calls).contains("announcement");
  }

  @Test
  void storesNothingWhenTheLetterChangedOnlyThroughItsFactsMeanwhile() {
    start();
    // A switch planned over the API while the task is open: the letter now names the day.
    LetterPreview planned =
        new LetterPreview(
            "announcement",
            "da",
            "Din e-mail flytter lørdag den 18. april 2026",
            ANNOUNCEMENT.body().replace("flytter", "flytter lørdag den 18. april 2026"),
            false,
            true,
            ANNOUNCEMENT.placeholders());
    when(runbook.letters.preview(ID, LetterKind.ANNOUNCEMENT)).thenReturn(planned);

    submit(form(ANNOUNCEMENT.subject(), ANNOUNCEMENT.body(), null));

    verify(runbook.letters, never()).edit(any(), any(), any(), any());
  }

  @Test
  void reportsARejectedEditInEnglishAndDanishAndKeepsTheTaskOpen() {
    start();
    String taskId = taskId();

    assertThatThrownBy(() -> submit(form(ANNOUNCEMENT.subject(), "Hej {{firstName}}", null)))
        // on this plain engine the listener refuses on completion, and the engine wraps it; in the
        // application the form is received before (ReceivingTaskForms) and the REST API answers 400
        .isInstanceOf(ProcessEngineException.class)
        .rootCause()
        .isInstanceOf(LetterNotStored.class)
        .hasMessage(
            "The announcement letter cannot be stored: the text uses placeholder {{firstName}},"
                + " which letters do not have; the placeholders are {{displayName}},"
                + " {{emailAddress}}, {{domain}}, {{plannedSwitch}}. Correct it in the form and"
                + " complete the task again. / Meddelelsen kan ikke gemmes. Teksten bruger"
                + " pladsholderen {{firstName}}, som breve ikke har; pladsholderne er"
                + " {{displayName}}, {{emailAddress}}, {{domain}}, {{plannedSwitch}}. Ret det i"
                + " formularen, og afslut opgaven igen.");
    verify(runbook.letters, never()).edit(any(), any(), any(), any());

    assertThat(runbook.task("communicateChanges").getId()).isEqualTo(taskId);
    assertThat(processEngine.getTaskService().getVariablesLocal(taskId))
        .containsEntry("letterText", ANNOUNCEMENT.body());
    assertThat(runbook.ports.calls).doesNotContain("announcement");
  }

  @Test
  void reportsALetterAlreadySent() {
    start();
    doThrow(new LettersAlreadySent("The announcement letter has already gone to some recipients."))
        .when(runbook.letters)
        .edit(eq(ID), eq(LetterKind.ANNOUNCEMENT), any(), anyString());

    assertThatThrownBy(() -> submit(form("Andet emne", ANNOUNCEMENT.body(), null)))
        // the engine wraps the listener's exception; Tasklist shows its message
        .isInstanceOf(ProcessEngineException.class)
        .rootCause()
        .isInstanceOf(LetterNotStored.class)
        .hasMessageStartingWith("The announcement letter has already gone to some recipients.");
    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
  }

  @Test
  void recordsThePlannedSwitchTheFormGives() {
    start();
    submit(form(ANNOUNCEMENT.subject(), ANNOUNCEMENT.body(), "2026-04-18"));

    verify(runbook.letters).planSwitch(ID, LocalDate.of(2026, 4, 18));
    verify(runbook.letters, never()).edit(any(), any(), any(), any());
  }

  @Test
  void clearsAPlannedSwitchTheAdministratorEmptied() {
    start();
    when(runbook.letters.plannedSwitch(ID)).thenReturn(Optional.of(LocalDate.of(2026, 4, 18)));

    submit(form(ANNOUNCEMENT.subject(), ANNOUNCEMENT.body(), null));

    verify(runbook.letters).planSwitch(ID, null);
  }

  @Test
  void reportsAPlannedSwitchInThePast() {
    start();
    doThrow(
            new RejectedSettings(
                List.of(new SettingsProblem("$.plannedSwitch", "must be today or a later day"))))
        .when(runbook.letters)
        .planSwitch(ID, LocalDate.of(2026, 3, 1));

    assertThatThrownBy(
            () -> submit(form(ANNOUNCEMENT.subject(), ANNOUNCEMENT.body(), "2026-03-01")))
        // the engine wraps the listener's exception; Tasklist shows its message
        .isInstanceOf(ProcessEngineException.class)
        .rootCause()
        .isInstanceOf(LetterNotStored.class)
        .hasMessageStartingWith(
            "The planned switch cannot be stored: it must be today or a later day. Choose another"
                + " day or leave it empty.");
    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
  }

  @Test
  void readsTheDayOfADateOrDateTimeField() {
    assertThat(AnnouncementReview.day("2026-04-18")).isEqualTo(LocalDate.of(2026, 4, 18));
    assertThat(AnnouncementReview.day("2026-04-18T00:00:00.000Z"))
        .isEqualTo(LocalDate.of(2026, 4, 18));
    assertThat(AnnouncementReview.day(" ")).isNull();
    assertThatThrownBy(() -> AnnouncementReview.day("18.04.2026"))
        .isInstanceOf(LetterNotStored.class)
        .hasMessageStartingWith("The planned switch must be a day such as 2026-04-18");
  }

  @Test
  void storesAnEditGivenWithTheCompletionThroughTheApi() {
    start();
    String text = "Kære {{displayName}},\n\nNy tekst.\n";

    runbook.complete("communicateChanges", Map.of("letterText", text));

    verify(runbook.letters)
        .edit(
            eq(ID),
            eq(LetterKind.ANNOUNCEMENT),
            eq(new LetterEdit(ANNOUNCEMENT.subject(), text)),
            anyString());
    assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKey("letterText");
  }

  @Test
  void opensTheTaskSayingWhatToSetWhenLettersCannotBeWritten() {
    when(runbook.letters.preview(anyString(), eq(LetterKind.ANNOUNCEMENT)))
        .thenThrow(new LettersNotConfigured(NOT_CONFIGURED));
    start();

    Map<String, Object> local = processEngine.getTaskService().getVariablesLocal(taskId());
    assertThat(local)
        .containsEntry(
            "letterProblem",
            "The letter cannot be shown: "
                + NOT_CONFIGURED
                + ", then restart Cutover. / Brevet kan ikke vises, før indstillingen er sat.")
        .doesNotContainKeys("letterSubject", "letterText");

    // The form hides the letter's fields: nothing is submitted for them, and the runbook goes on.
    Map<String, Object> approval = new HashMap<>();
    approval.put("announcementApproved", true);
    submit(approval);

    verify(runbook.letters, never()).edit(any(), any(), any(), any());
    assertThat(runbook.ports.calls).contains("announcement");
  }

  @Test
  void refusesALetterWrittenWhileLettersCannotBeWritten() {
    when(runbook.letters.preview(anyString(), eq(LetterKind.ANNOUNCEMENT)))
        .thenThrow(new LettersNotConfigured(NOT_CONFIGURED));
    start();

    assertThatThrownBy(() -> submit(form("Mail moves", "Dear {{displayName}}", null)))
        .isInstanceOf(ProcessEngineException.class)
        .rootCause()
        .isInstanceOf(LetterNotStored.class)
        .hasMessageStartingWith("The announcement letter cannot be stored: " + NOT_CONFIGURED);
    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
  }

  @Test
  void refusesAnEditWhenTheTemplateCannotBeRenderedAndSaysWhatToFix() {
    start();
    String taskId = taskId();
    when(runbook.letters.preview(anyString(), eq(LetterKind.ANNOUNCEMENT)))
        .thenThrow(new LetterTemplateError(BROKEN_TEMPLATE));

    assertThatThrownBy(() -> submit(form("Mail moves", "Dear {{displayName}}", null)))
        .isInstanceOf(ProcessEngineException.class)
        .rootCause()
        .isInstanceOf(LetterNotStored.class)
        .hasMessage(
            "The announcement letter cannot be stored: "
                + BROKEN_TEMPLATE
                + ". Correct the template, restart Cutover and complete the task again. /"
                + " Meddelelsen kan ikke gemmes, fordi brevskabelonen har en fejl (se ovenfor):"
                + " ret skabelonen, genstart Cutover, og afslut opgaven igen.");
    verify(runbook.letters, never()).edit(any(), any(), any(), any());
    assertThat(runbook.task("communicateChanges").getId()).isEqualTo(taskId);
  }

  @Test
  void opensTheTaskWithTheTemplatesFaultWhenTheLetterCannotBeShown() {
    when(runbook.letters.preview(anyString(), eq(LetterKind.ANNOUNCEMENT)))
        .thenThrow(new LetterTemplateError(BROKEN_TEMPLATE));
    start();

    assertThat(processEngine.getTaskService().getVariablesLocal(taskId()))
        .containsEntry(
            "letterProblem",
            "The letter cannot be shown: "
                + BROKEN_TEMPLATE
                + ". Correct the template and restart Cutover before the letter is sent. /"
                + " Brevet kan ikke vises, før brevskabelonen er rettet.")
        .doesNotContainKeys("letterSubject", "letterText");
  }

  static final String BROKEN_TEMPLATE =
      "Letter template letters/announcement_en.txt names placeholder 'switchDate', which letters"
          + " do not have; the known ones are domain, plannedSwitch";

  static final String NOT_CONFIGURED =
      "Letters tell users whom to ask: set cutover.letters.contact-email (or"
          + " cutover.letters.administrator-email)";
}
