package org.cutover.process;

import org.cutover.migration.DnsRunbook;
import org.cutover.migration.DnsStepOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Roll back DNS changes" on cancel: MX, TTL, Autodiscover and SPF as they were, newest first. */
@Component("rollbackDns")
class RollbackDns extends DnsStep {

  RollbackDns(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  DnsStepOutcome change(DnsRunbook dns, String migrationId) {
    return dns.rollback(migrationId);
  }
}
