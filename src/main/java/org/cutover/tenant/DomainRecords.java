package org.cutover.tenant;

import java.util.List;

/**
 * What the target asks the domain to publish in DNS.
 *
 * @param verificationText the TXT value proving the domain is ours (MS=ms…), or null when the
 *     target verifies no domain or the domain is verified already
 * @param mailExchangers the MX records that receive mail after the switch, as the target names them
 * @param autodiscoverTarget where autodiscover.&lt;domain&gt; points, or null when the target names
 *     none
 */
public record DomainRecords(
    String verificationText, List<MailExchanger> mailExchangers, String autodiscoverTarget) {

  public DomainRecords {
    mailExchangers = List.copyOf(mailExchangers);
  }

  /** One MX record: preference and host. */
  public record MailExchanger(int preference, String host) {

    public MailExchanger {
      if (preference < 0 || preference > 65535) {
        throw new IllegalArgumentException(
            "An MX preference is 0 to 65535; got " + preference + " for " + host);
      }
      if (host == null || host.isBlank()) {
        throw new IllegalArgumentException("An MX record needs a host");
      }
      host = host.strip();
    }
  }
}
