package org.cutover.migration.milestones;

/** A point in the runbook at which the administrator is mailed the report. */
public enum Milestone {
  INITIAL_SYNC_DONE("Initial sync done", "Første kopiering færdig"),
  SWITCH_DONE(
      "Switch done: mail now arrives at the target", "Skiftet er sket: post kommer nu til målet"),
  MIGRATION_COMPLETED("Migration completed", "Migreringen er afsluttet"),
  MIGRATION_CANCELLED("Migration cancelled", "Migreringen er annulleret");

  private final String english;
  private final String danish;

  Milestone(String english, String danish) {
    this.english = english;
    this.danish = danish;
  }

  /** The milestone in the administrator's words, in English or Danish ({@code da}). */
  String title(String language) {
    return "da".equals(language) ? danish : english;
  }
}
