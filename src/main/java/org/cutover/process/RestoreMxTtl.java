package org.cutover.process;

import org.cutover.migration.DnsRunbook;
import org.cutover.migration.DnsStepOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "Restore MX TTL": the MX records get their original TTL back. */
@Component("restoreMxTtl")
class RestoreMxTtl extends DnsStep {

  RestoreMxTtl(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  DnsStepOutcome change(DnsRunbook dns, String migrationId) {
    return dns.restoreMxTtl(migrationId);
  }
}
