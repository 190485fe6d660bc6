package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.MX_PROPAGATED;
import static org.cutover.process.ProcessVariables.MX_PROPAGATION_DETAIL;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.dns.MxPropagationCheck;
import org.cutover.migration.DnsRunbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Verify MX propagation" at the authoritative servers and resolvers. Sets {@code mxPropagated} and
 * {@code mxPropagationDetail} (what was seen where); the model waits and checks again.
 */
@Component("verifyMxPropagation")
class VerifyMxPropagation extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(VerifyMxPropagation.class);

  private final ObjectProvider<DnsRunbook> dns;

  VerifyMxPropagation(ObjectProvider<DnsRunbook> dns) {
    this.dns = dns;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    MxPropagationCheck propagation =
        Capabilities.require(dns, "DNS capability", DnsRunbook.class)
            .verifyMxPropagation(migrationId);
    log.info(
        "Migration {}: MX propagation {}",
        migrationId,
        propagation.complete() ? "complete" : "not complete yet");
    MX_PROPAGATED.set(execution, propagation.complete());
    MX_PROPAGATION_DETAIL.set(execution, propagation.detail());
  }
}
