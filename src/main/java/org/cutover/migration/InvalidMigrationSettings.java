package org.cutover.migration;

import java.util.List;

/** The settings of a migration break one or more rules; each problem says what to fix. */
public class InvalidMigrationSettings extends RuntimeException {

  private final List<String> problems;

  public InvalidMigrationSettings(List<String> problems) {
    super("The migration settings need correcting: " + String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
