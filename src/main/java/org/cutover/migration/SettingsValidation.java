package org.cutover.migration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.cutover.migration.letters.MailClientDefaults;
import org.springframework.stereotype.Component;

/**
 * Applies the rules of {@link NewMigration} (Bean Validation) and of the DNS provider it names
 * ({@link MigrationDnsZones}) for the REST API and the Tasklist start form alike. Messages follow
 * the current locale (English or Danish).
 */
@Component
public class SettingsValidation {

  private final Validator validator;
  private final MigrationDnsZones dnsZones;
  private final MailClientDefaults clientSettings;

  SettingsValidation(
      Validator validator, MigrationDnsZones dnsZones, MailClientDefaults clientSettings) {
    this.validator = validator;
    this.dnsZones = dnsZones;
    this.clientSettings = clientSettings;
  }

  /** Every broken rule, ordered by path; empty when the settings are valid. */
  public List<SettingsProblem> problems(NewMigration settings) {
    List<SettingsProblem> rules = rules(settings).toList();
    // The users' settings are completed from configuration only once their own form is right.
    Stream<SettingsProblem> completed =
        rules.stream().anyMatch(problem -> problem.path().startsWith("$.clientSettings"))
            ? Stream.empty()
            : clientSettings.problems(settings).stream();
    return sorted(
        Stream.of(rules.stream(), dnsZones.problems(settings.dns()).stream(), completed)
            .flatMap(problems -> problems));
  }

  /**
   * @throws RejectedSettings listing every broken rule of a credential to store
   */
  public void requireValid(NewCredential credential) {
    List<SettingsProblem> problems = sorted(rules(credential));
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
  }

  private Stream<SettingsProblem> rules(Object settings) {
    return validator.validate(settings).stream()
        .map(violation -> new SettingsProblem(jsonPath(violation), violation.getMessage()));
  }

  private static List<SettingsProblem> sorted(Stream<SettingsProblem> problems) {
    return problems
        .distinct()
        .sorted(Comparator.comparing(SettingsProblem::path).thenComparing(SettingsProblem::message))
        .toList();
  }

  /**
   * @throws RejectedSettings listing every broken rule
   */
  public void requireValid(NewMigration settings) {
    List<SettingsProblem> problems = problems(settings);
    if (!problems.isEmpty()) {
      throw new RejectedSettings(problems);
    }
  }

  static String jsonPath(ConstraintViolation<?> violation) {
    StringBuilder path = new StringBuilder("$");
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.isInIterable() && node.getIndex() != null) {
        path.append('[').append(node.getIndex()).append(']');
      }
      if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
        path.append('.').append(node.getName());
      }
    }
    return path.toString();
  }
}
