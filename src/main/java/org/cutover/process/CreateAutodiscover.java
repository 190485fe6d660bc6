package org.cutover.process;

import org.cutover.migration.DnsRunbook;
import org.cutover.migration.DnsStepOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Create Autodiscover CNAME": autodiscover points to the target. */
@Component("createAutodiscover")
class CreateAutodiscover extends DnsStep {

  CreateAutodiscover(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  DnsStepOutcome change(DnsRunbook dns, String migrationId) {
    return dns.createAutodiscover(migrationId);
  }
}
