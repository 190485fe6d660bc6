package org.cutover.process;

import static org.cutover.process.ProcessVariables.DNS_APPROVAL_NEEDED;
import static org.cutover.process.ProcessVariables.DNS_PLAN;
import static org.cutover.process.ProcessVariables.GUIDED_DNS;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.DnsRunbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Plan the DNS changes": when Cutover changes the zone itself and {@code
 * cutover.dns.approve-changes} is on, reads what the automatic steps would change ({@code dnsPlan})
 * for the administrator to approve before the first change ({@code dnsApprovalNeeded}). In guided
 * mode the administrator makes every change by hand, so there is nothing to approve.
 */
@Component("planDnsChanges")
class PlanDnsChanges extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(PlanDnsChanges.class);

  private final ObjectProvider<DnsRunbook> dns;
  private final boolean approveChanges;

  PlanDnsChanges(
      ObjectProvider<DnsRunbook> dns,
      @Value("${cutover.dns.approve-changes:true}") boolean approveChanges) {
    this.dns = dns;
    this.approveChanges = approveChanges;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    boolean guided = Boolean.TRUE.equals(GUIDED_DNS.get(execution));
    if (guided || !approveChanges) {
      log.info(
          "Migration {}: DNS changes need no approval ({})",
          migrationId,
          guided ? "guided DNS" : "cutover.dns.approve-changes is off");
      DNS_PLAN.remove(execution);
      DNS_APPROVAL_NEEDED.set(execution, false);
      return;
    }
    String plan =
        Capabilities.require(dns, "DNS capability", DnsRunbook.class).planChanges(migrationId);
    DNS_PLAN.set(execution, plan);
    DNS_APPROVAL_NEEDED.set(execution, true);
    log.info("Migration {}: DNS changes planned, waiting for approval", migrationId);
  }
}
