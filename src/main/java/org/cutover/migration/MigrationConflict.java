package org.cutover.migration;

/** The migration cannot be registered now because another one holds its domain. */
public class MigrationConflict extends RuntimeException {

  public MigrationConflict(String message) {
    super(message);
  }
}
