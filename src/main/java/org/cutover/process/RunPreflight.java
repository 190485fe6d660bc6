package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.TargetTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Run preflight checks" before anything changes: the target (reachable, directory sync off, enough
 * licences, permissions), then the source (trusted certificate, the admin login opens the test
 * mailbox). A problem stops the step with an incident saying what to fix.
 */
@Component("runPreflight")
class RunPreflight extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(RunPreflight.class);

  private final ObjectProvider<TargetTenant> target;
  private final ObjectProvider<MailboxSyncEngine> sync;

  RunPreflight(ObjectProvider<TargetTenant> target, ObjectProvider<MailboxSyncEngine> sync) {
    this.target = target;
    this.sync = sync;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    Capabilities.require(target, "target capability", TargetTenant.class).preflight(migrationId);
    Capabilities.require(sync, "mail sync capability", MailboxSyncEngine.class)
        .testSourceEndpoint(migrationId);
    log.info("Migration {}: preflight checks passed", migrationId);
  }
}
