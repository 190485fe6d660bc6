package org.cutover.api;

import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.NewMigration;
import org.cutover.process.RunbookControl;
import org.cutover.process.RunbookStart;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a migration and starts its runbook in one transaction: when the start fails, nothing of
 * the migration (settings, credentials) is kept.
 */
@Service
class MigrationLauncher {

  private final MigrationRegistration registration;
  private final MigrationStore store;
  private final RunbookControl runbook;
  private final RunbookStarts starts;

  MigrationLauncher(
      MigrationRegistration registration,
      MigrationStore store,
      RunbookControl runbook,
      RunbookStarts starts) {
    this.registration = registration;
    this.store = store;
    this.runbook = runbook;
    this.starts = starts;
  }

  @Transactional
  public MigrationRegistration.Registered launch(NewMigration settings) {
    MigrationRegistration.Registered registered = registration.register(settings);
    RunbookStart start = starts.runbookStart(registered.migrationId(), settings);
    String processInstanceId = runbook.start(start);
    store.recordProcessInstance(registered.migrationId(), processInstanceId);
    return registered;
  }
}
