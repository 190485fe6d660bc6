package org.cutover.process;

import static org.cutover.process.ProcessVariables.PLANNED_SWITCH;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.RejectedSettings;
import org.cutover.notify.LetterKind;
import org.springframework.stereotype.Component;

/**
 * "Communicate upcoming changes": the announcement to read and edit, and the planned switch it
 * names ({@code plannedSwitch}, a day as ISO text such as {@code 2026-04-18}; empty: not decided).
 */
@Component("announcementReview")
class AnnouncementReview extends LetterReview {

  private final LetterDesk desk;

  AnnouncementReview(LetterDesk desk) {
    super(desk, LetterKind.ANNOUNCEMENT, "Meddelelsen");
    this.desk = desk;
  }

  @Override
  void showMore(DelegateTask task, String migrationId) {
    task.setVariableLocal(
        PLANNED_SWITCH.name(),
        desk.plannedSwitch(migrationId).map(LocalDate::toString).orElse(null));
  }

  @Override
  void storeMore(DelegateTask task, String migrationId) {
    LocalDate planned = day(submitted(task, PLANNED_SWITCH.name()));
    if (Objects.equals(planned, desk.plannedSwitch(migrationId).orElse(null))) {
      return;
    }
    try {
      desk.planSwitch(migrationId, planned);
    } catch (RejectedSettings rejected) {
      throw new LetterNotStored(
          "The planned switch cannot be stored: it "
              + rejected.problems().stream()
                  .map(problem -> problem.message())
                  .collect(Collectors.joining("; "))
              + ". Choose another day or leave it empty. / Skiftedagen skal være i dag eller"
              + " senere; vælg en anden dag, eller lad feltet stå tomt.");
    }
  }

  /** The day a form's date field gives: {@code 2026-04-18}, possibly with a time after it. */
  static LocalDate day(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException unreadable) {
      throw new LetterNotStored(
          "The planned switch must be a day such as 2026-04-18; pick it in the calendar or leave"
              + " it empty. / Skiftedagen skal være en dato som 2026-04-18.");
    }
  }
}
