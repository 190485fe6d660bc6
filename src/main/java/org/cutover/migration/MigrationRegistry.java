package org.cutover.migration;

import java.util.Map;

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
}
