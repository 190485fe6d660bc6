package org.cutover.migration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.cutover.migration.recipients.BatchRecipients;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.migration.schedule.SwitchTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Registers a migration from the Tasklist start form's variables ({@link StartFormFields}) with the
 * same rules as the REST API, the planned switch among them (checked, not stored: the runbook plans
 * it once the migration exists). Problems are reported per form field, in the form's language.
 */
@Component
class StartFormRegistry implements MigrationRegistry {

  /** Where the REST API takes the planned switch; problems name the form's fields instead. */
  private static final String PLANNED_SWITCH_PATH = "$.plannedSwitch";

  private static final Logger log = LoggerFactory.getLogger(StartFormRegistry.class);

  private final MigrationRegistration registration;
  private final SettingsValidation validation;
  private final BatchRecipients discoveries;
  private final SwitchSchedule schedule;

  StartFormRegistry(
      MigrationRegistration registration,
      SettingsValidation validation,
      BatchRecipients discoveries,
      SwitchSchedule schedule) {
    this.registration = registration;
    this.validation = validation;
    this.discoveries = discoveries;
    this.schedule = schedule;
  }

  @Override
  public Registered registerFromForm(Map<String, Object> formValues) {
    LocaleContext previous = LocaleContextHolder.getLocaleContext();
    boolean danish = "da".equals(String.valueOf(formValues.get(StartFormFields.LANGUAGE)).strip());
    LocaleContextHolder.setLocale(danish ? Locale.forLanguageTag("da") : Locale.ENGLISH);
    try {
      StartFormFields form = new StartFormFields(formValues, discoveries);
      NewMigration settings = form.settings();
      List<String> switchProblems = switchProblems(form, form.plannedSwitch());
      if (!form.problems().isEmpty() || !switchProblems.isEmpty()) {
        List<String> problems = new ArrayList<>(form.problems());
        validation.problems(settings).stream()
            .map(form::describe)
            .filter(problem -> !alreadyReported(problem, form.problems()))
            .forEach(problems::add);
        switchProblems.stream()
            .filter(problem -> !alreadyReported(problem, form.problems()))
            .forEach(problems::add);
        throw new InvalidMigrationSettings(problems);
      }
      MigrationRegistration.Registered registered;
      try {
        registered = registration.register(settings);
      } catch (RejectedSettings rejected) {
        throw new InvalidMigrationSettings(
            rejected.problems().stream().map(form::describe).toList());
      } catch (MigrationConflict conflict) {
        throw new InvalidMigrationSettings(List.of(conflict.getMessage()));
      }
      registered
          .warnings()
          .forEach(warning -> log.info("Migration {}: {}", registered.migrationId(), warning));
      return Registered.of(registered.migrationId(), settings);
    } finally {
      LocaleContextHolder.setLocaleContext(previous);
    }
  }

  @Override
  public Optional<SwitchTime> plannedSwitch(Map<String, Object> formValues) {
    return Optional.ofNullable(new StartFormFields(formValues).plannedSwitch());
  }

  /** The planned switch checked by the rules the REST API applies; nothing when none is given. */
  private List<String> switchProblems(StartFormFields form, SwitchTime planned) {
    if (planned == null) {
      return List.of();
    }
    try {
      schedule.checkBeforeRegistration(planned, PLANNED_SWITCH_PATH);
      return List.of();
    } catch (RejectedSettings rejected) {
      return rejected.problems().stream().map(form::describe).toList();
    }
  }

  /** Whether a field that could not be read is reported already (one problem per field). */
  private static boolean alreadyReported(String problem, List<String> unreadable) {
    String field = problem.substring(0, Math.max(problem.indexOf(':'), 0));
    return !field.isEmpty() && unreadable.stream().anyMatch(p -> p.startsWith(field + ":"));
  }
}
