package org.cutover.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchTime;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A switch time as Tasklist forms give it (a date field, a time of day, a zone), stored through
 * {@link SwitchTimeControl}; a time that breaks a rule is refused with the rules in English and
 * Danish, which Tasklist shows, and nothing is stored.
 */
final class SwitchTimeForms {

  private SwitchTimeForms() {}

  static PlannedSwitch plan(
      SwitchTimeControl control, String migrationId, SwitchTime time, String path, String who) {
    try {
      return control.plan(migrationId, time, path, who);
    } catch (RejectedSettings rejected) {
      throw new FormFieldValidationException(
          null, text(rejected) + " / " + inDanish(control, migrationId, time, path, who));
    }
  }

  /** The same refusal in Danish: the rules are checked again, and refuse again. */
  private static String inDanish(
      SwitchTimeControl control, String migrationId, SwitchTime time, String path, String who) {
    Locale before = LocaleContextHolder.getLocale();
    LocaleContextHolder.setLocale(Locale.forLanguageTag("da"));
    try {
      control.plan(migrationId, time, path, who);
      return "";
    } catch (RejectedSettings rejected) {
      return text(rejected);
    } finally {
      LocaleContextHolder.setLocale(before);
    }
  }

  private static String text(RejectedSettings rejected) {
    return rejected.problems().stream()
        .map(SwitchTimeForms::line)
        .collect(Collectors.joining("; "));
  }

  private static String line(SettingsProblem problem) {
    String field = problem.path().substring(problem.path().lastIndexOf('.') + 1);
    return field + ": " + problem.message();
  }

  /** A form's date: {@code 2026-04-18}, possibly with a time after it; null when unreadable. */
  static LocalDate day(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }

  /** A form's time of day: {@code 18:00}, possibly with seconds or a zone; null when unreadable. */
  static LocalTime timeOfDay(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    try {
      return LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text);
    } catch (DateTimeParseException unreadable) {
      return null;
    }
  }
}
