package org.cutover.migration;

import java.util.List;

/**
 * The DNS records the target asks the domain to publish: the verification TXT value (null when the
 * target verifies no domain), the mail exchangers that receive mail after the switch, and the
 * Autodiscover CNAME target (null when the target has none). Microsoft 365 gives these per tenant
 * and domain; they are never built from a name pattern.
 */
public record TargetDnsRecords(
    String verificationText, List<MailExchanger> mailExchangers, String autodiscoverTarget) {

  public TargetDnsRecords {
    mailExchangers = List.copyOf(mailExchangers);
    if (mailExchangers.isEmpty()) {
      throw new IllegalArgumentException("The target names no mail exchanger");
    }
  }

  /** One MX record: preference and host. */
  public record MailExchanger(int preference, String host) {}
}
