package org.cutover.process;

import org.cutover.dns.StepResult;
import org.cutover.migration.DnsRunbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Create Autodiscover CNAME": autodiscover points to the target. */
@Component("createAutodiscover")
class CreateAutodiscover extends DnsStep {

  CreateAutodiscover(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  StepResult change(DnsRunbook dns, String migrationId) {
    return dns.createAutodiscover(migrationId);
  }
}
