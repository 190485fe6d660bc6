package org.cutover.mxproof;

import java.util.Comparator;
import org.cutover.migration.TargetDnsRecords;
import org.cutover.migration.TargetTenant;
import org.springframework.stereotype.Component;

/**
 * The mail exchanger the proof asks: the one the MX swap writes (the target's most preferred, e.g.
 * {@code contoso-com.mail.protection.outlook.com} for Microsoft 365, or the first of an IMAP
 * target's {@code mxHosts}), unless {@code cutover.mx-proof.host} names another.
 */
@Component
class MailExchangerToAsk {

  private final MxProofProperties properties;
  private final TargetTenant target;

  MailExchangerToAsk(MxProofProperties properties, TargetTenant target) {
    this.properties = properties;
    this.target = target;
  }

  MailExchangerAddress of(String migrationId) {
    if (!properties.host().isBlank()) {
      return new MailExchangerAddress(properties.host(), properties.port());
    }
    String host =
        target.dnsRecords(migrationId).mailExchangers().stream()
            .min(Comparator.comparingInt(TargetDnsRecords.MailExchanger::preference))
            .orElseThrow()
            .host();
    return new MailExchangerAddress(
        host.endsWith(".") ? host.substring(0, host.length() - 1) : host, properties.port());
  }
}
