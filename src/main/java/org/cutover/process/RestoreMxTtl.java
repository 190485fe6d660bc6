package org.cutover.process;

import org.cutover.dns.StepResult;
import org.cutover.migration.DnsRunbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Restore MX TTL": the MX records get their original TTL back. */
@Component("restoreMxTtl")
class RestoreMxTtl extends DnsStep {

  RestoreMxTtl(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  StepResult change(DnsRunbook dns, String migrationId) {
    return dns.restoreMxTtl(migrationId);
  }
}
