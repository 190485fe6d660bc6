package org.cutover.migration;

/** No migration (or mailbox) with the given id is stored. */
public class MigrationNotFound extends RuntimeException {

  public MigrationNotFound(String message) {
    super(message);
  }

  /** No migration with this id. */
  public static MigrationNotFound migration(String migrationId) {
    return new MigrationNotFound(
        "No migration with id " + migrationId + " exists; GET /api/migrations lists them.");
  }

  static MigrationNotFound mailbox(String mailboxId) {
    return new MigrationNotFound("No mailbox with id " + mailboxId + " exists in any migration.");
  }
}
