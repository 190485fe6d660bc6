package org.cutover.dns;

import java.time.Duration;

/**
 * The fixed rules of the DNS steps (configuration {@code cutover.dns.*}).
 *
 * @param maxMxTtl the longest MX TTL during the migration (3600 s); a lower one is kept
 * @param autodiscoverLabel the Autodiscover name below the domain ({@code autodiscover})
 * @param autodiscoverTarget where it points ({@code autodiscover.outlook.com})
 * @param autodiscoverTtl the CNAME's TTL (3600 s)
 * @param spfInclude the include the target needs in SPF ({@code spf.protection.outlook.com})
 * @param newTxtTtl the TTL of a TXT record set Cutover creates (3600 s)
 */
public record DnsRunbookRules(
    Duration maxMxTtl,
    String autodiscoverLabel,
    String autodiscoverTarget,
    Duration autodiscoverTtl,
    String spfInclude,
    Duration newTxtTtl) {

  /** One or more DNS labels, such as {@code autodiscover} or {@code autodiscover.mail}. */
  private static final String LABELS =
      "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*";

  public DnsRunbookRules {
    positive(maxMxTtl, "cutover.dns.max-mx-ttl");
    positive(autodiscoverTtl, "cutover.dns.autodiscover-ttl");
    positive(newTxtTtl, "cutover.dns.new-txt-ttl");
    if (autodiscoverLabel == null || autodiscoverLabel.isBlank()) {
      throw new IllegalArgumentException("cutover.dns.autodiscover-label must not be empty");
    }
    if (!autodiscoverLabel.strip().matches(LABELS)) {
      throw new IllegalArgumentException(
          "cutover.dns.autodiscover-label must be a name below the domain, such as autodiscover,"
              + " not '"
              + autodiscoverLabel
              + "': a CNAME cannot stand at the zone's apex beside its SOA, NS and MX records");
    }
    autodiscoverTarget = DnsNames.absolute(autodiscoverTarget);
    if (spfInclude == null || spfInclude.isBlank() || spfInclude.contains(" ")) {
      throw new IllegalArgumentException(
          "cutover.dns.spf-include must be one domain, e.g. spf.protection.outlook.com");
    }
    spfInclude = spfInclude.strip();
  }

  /** Microsoft 365's values: MX TTL at most 1 h, autodiscover.outlook.com, its SPF include. */
  public static DnsRunbookRules microsoft365() {
    return new DnsRunbookRules(
        Duration.ofHours(1),
        "autodiscover",
        "autodiscover.outlook.com",
        Duration.ofHours(1),
        "spf.protection.outlook.com",
        Duration.ofHours(1));
  }

  private static void positive(Duration duration, String property) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(property + " must be a positive duration: " + duration);
    }
  }
}
