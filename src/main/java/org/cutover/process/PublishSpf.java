package org.cutover.process;

import org.cutover.dns.StepResult;
import org.cutover.migration.DnsRunbook;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Publish SPF for the target": the domain's SPF record includes the target's senders (Microsoft
 * 365, or the include an IMAP target's settings give), every other term kept.
 */
@Component("publishSpf")
class PublishSpf extends DnsStep {

  PublishSpf(ObjectProvider<DnsRunbook> dns) {
    super(dns);
  }

  @Override
  StepResult change(DnsRunbook dns, String migrationId) {
    return dns.publishSpf(migrationId);
  }
}
