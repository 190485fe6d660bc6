package org.cutover.process;

import static org.cutover.process.ProcessVariables.MAILBOX_ID;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.TargetTenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Provision the target mailbox" of one mailbox of the batch: creates or finds it. */
@Component("provisionMailbox")
class ProvisionMailbox extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(ProvisionMailbox.class);

  private final ObjectProvider<TargetTenant> target;

  ProvisionMailbox(ObjectProvider<TargetTenant> target) {
    this.target = target;
  }

  @Override
  void run(DelegateExecution execution) {
    String mailboxId = MAILBOX_ID.require(execution);
    Capabilities.require(target, "target capability", TargetTenant.class)
        .provisionMailbox(mailboxId);
    log.info(
        "Migration {}: target mailbox of {} provisioned", MIGRATION_ID.get(execution), mailboxId);
  }
}
