package org.cutover.process;

import org.cutover.dns.StepResult;
import org.cutover.migration.DnsRunbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Roll back DNS changes" on cancel: MX, TTL, Autodiscover and SPF as they were, newest first. */
@Component("rollbackDns")
class RollbackDns extends DnsStep {

  RollbackDns(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  StepResult change(DnsRunbook dns, String migrationId) {
    return dns.rollback(migrationId);
  }
}
