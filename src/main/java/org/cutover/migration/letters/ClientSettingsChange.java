package org.cutover.migration.letters;

import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.SettingsProblem;
import org.cutover.migration.StoredMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replaces the users' mail program settings of a registered migration, checked by the rules of
 * registration (the fields' own, then the completed settings'); letters rendered afterwards name
 * the new ones. Problems name the field of the settings alone ({@code $.incomingServer}).
 */
@Service
public class ClientSettingsChange {

  private static final Logger log = LoggerFactory.getLogger(ClientSettingsChange.class);

  /** Where registration's rules name a field; a change names it at the top. */
  private static final String REGISTRATION_PATH = "$.clientSettings.";

  private final Validator validator;
  private final MailClientDefaults defaults;
  private final ClientSettingsRecords records;

  ClientSettingsChange(
      Validator validator, MailClientDefaults defaults, ClientSettingsRecords records) {
    this.validator = validator;
    this.defaults = defaults;
    this.records = records;
  }

  /**
   * @param given the migration's own settings, replacing all it gave before; what it leaves out
   *     comes from configuration, as at registration
   * @return the settings the letters name from now on
   * @throws RejectedSettings naming each field that breaks a rule; nothing is stored
   */
  @Transactional
  public MailClientSettings change(StoredMigration migration, ClientSettings given) {
    ClientSettings settings = given == null ? ClientSettings.NONE : given;
    List<SettingsProblem> problems = new ArrayList<>();
    validator
        .validate(settings)
        .forEach(
            violation ->
                problems.add(
                    new SettingsProblem(
                        "$." + violation.getPropertyPath(), violation.getMessage())));
    if (problems.isEmpty()) {
      defaults.problems(migration, settings).stream()
          .map(
              problem ->
                  new SettingsProblem(
                      "$." + problem.path().substring(REGISTRATION_PATH.length()),
                      problem.message()))
          .forEach(problems::add);
    }
    if (!problems.isEmpty()) {
      throw new RejectedSettings(
          problems.stream()
              .sorted(
                  Comparator.comparing(SettingsProblem::path)
                      .thenComparing(SettingsProblem::message))
              .toList());
    }
    MailClientSettings resolved = defaults.resolve(migration, settings);
    records.replace(migration.id(), resolved);
    log.info("Migration {}: the users' mail program settings changed", migration.id());
    return resolved;
  }
}
