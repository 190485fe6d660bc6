package org.cutover.process;

import org.cutover.dns.StepResult;
import org.cutover.migration.DnsRunbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Lower MX TTL": every MX record to at most an hour, remembering the original TTL. */
@Component("lowerMxTtl")
class LowerMxTtl extends DnsStep {

  LowerMxTtl(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  StepResult change(DnsRunbook dns, String migrationId) {
    return dns.lowerMxTtl(migrationId);
  }
}
