package org.cutover.migration;

import java.util.Map;
import java.util.Optional;
import org.cutover.migration.schedule.SwitchTime;

/**
 * Registers a migration started from the Tasklist start form: validates the form's values with the
 * same rules as the REST API and stores the migration.
 */
public interface MigrationRegistry {

  /**
   * @return what the runbook starts with for the new migration
   * @throws InvalidMigrationSettings listing every problem, each saying what to fix
   */
  Registered registerFromForm(Map<String, Object> formValues);

  /**
   * What a registered migration gives its runbook at the start, whichever way it was registered:
   * ids and switches, never a secret; waits the migration sets itself, the others null.
   */
  record Registered(
      String migrationId,
      String domain,
      String batchName,
      boolean autoStartBatch,
      boolean guidedDns,
      String targetType,
      String language,
      DurationOverrides durations) {

    public static Registered of(String migrationId, NewMigration settings) {
      return new Registered(
          migrationId,
          settings.domain(),
          settings.batchName(),
          settings.autoStartBatch(),
          settings.dns().mode() == DnsMode.GUIDED,
          settings.target().type().name(),
          settings.language(),
          settings.durations());
    }
  }

  /**
   * The planned switch the form gives, as {@link #registerFromForm} checked it; empty when the form
   * gives none. It is planned once the migration is registered.
   */
  Optional<SwitchTime> plannedSwitch(Map<String, Object> formValues);
}
