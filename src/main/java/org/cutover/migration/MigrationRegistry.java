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
   * @return the new migration's id
   * @throws InvalidMigrationSettings listing every problem, each saying what to fix
   */
  String registerFromForm(Map<String, Object> formValues);

  /**
   * The planned switch the form gives, as {@link #registerFromForm} checked it; empty when the form
   * gives none. It is planned once the migration is registered.
   */
  Optional<SwitchTime> plannedSwitch(Map<String, Object> formValues);
}
