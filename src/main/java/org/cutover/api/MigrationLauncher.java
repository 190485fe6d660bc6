package org.cutover.api;

import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationRegistry;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.NewMigration;
import org.cutover.migration.schedule.SwitchTime;
import org.cutover.process.RunbookControl;
import org.cutover.process.RunbookStart;
import org.cutover.process.RunbookStarts;
import org.cutover.process.SwitchTimeControl;
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
  private final SwitchTimeControl switchTimes;

  MigrationLauncher(
      MigrationRegistration registration,
      MigrationStore store,
      RunbookControl runbook,
      RunbookStarts starts,
      SwitchTimeControl switchTimes) {
    this.switchTimes = switchTimes;
    this.registration = registration;
    this.store = store;
    this.runbook = runbook;
    this.starts = starts;
  }

  @Transactional
  public MigrationRegistration.Registered launch(NewMigration settings) {
    return launch(settings, null, null);
  }

  /**
   * Also plans the switch when {@code plannedSwitch} is given; a time that breaks a rule refuses
   * the whole migration.
   */
  @Transactional
  public MigrationRegistration.Registered launch(
      NewMigration settings, SwitchTime plannedSwitch, String plannedBy) {
    MigrationRegistration.Registered registered = registration.register(settings);
    RunbookStart start =
        starts.startFor(MigrationRegistry.Registered.of(registered.migrationId(), settings));
    String processInstanceId = runbook.start(start);
    store.recordProcessInstance(registered.migrationId(), processInstanceId);
    if (plannedSwitch != null) {
      switchTimes.plan(registered.migrationId(), plannedSwitch, "$.plannedSwitch", plannedBy);
    }
    return registered;
  }
}
