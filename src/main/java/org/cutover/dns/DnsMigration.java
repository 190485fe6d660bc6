package org.cutover.dns;

import java.time.Duration;
import java.util.List;

/**
 * What the DNS steps need to know about one migration.
 *
 * @param migrationId the migration's id (journal key, logs)
 * @param domain the mail domain, e.g. {@code contoso.com} (its MX, TXT and Autodiscover records)
 * @param zone the zone holding the domain's records, with the adapter that changes it (or a {@link
 *     GuidedZone} when a person changes it)
 * @param verificationText the tenant's domain verification text, e.g. {@code MS=ms12345678}; may be
 *     blank when the TXT step is not used
 * @param mxTargets the MX records the tenant wants (from its service configuration records)
 * @param autodiscoverConsent whether Cutover may remove records at the Autodiscover name to make
 *     room for the CNAME
 * @param authoritativeServers servers to ask instead of the zone's NS records; empty to discover
 * @param autodiscoverTarget where this migration's Autodiscover CNAME points; null for {@link
 *     DnsRunbookRules#autodiscoverTarget()}
 * @param spfInclude the domain this migration adds to SPF as {@code include:}; null for {@link
 *     DnsRunbookRules#spfInclude()}
 * @param maxMxTtl this migration's longest MX TTL before the swap; null for {@link
 *     DnsRunbookRules#maxMxTtl()}
 */
public record DnsMigration(
    String migrationId,
    String domain,
    DnsZone zone,
    String verificationText,
    List<MxTarget> mxTargets,
    boolean autodiscoverConsent,
    List<NameServer> authoritativeServers,
    String autodiscoverTarget,
    String spfInclude,
    Duration maxMxTtl) {

  /** A migration that takes the MX TTL, Autodiscover target and SPF include from the rules. */
  public DnsMigration(
      String migrationId,
      String domain,
      DnsZone zone,
      String verificationText,
      List<MxTarget> mxTargets,
      boolean autodiscoverConsent,
      List<NameServer> authoritativeServers) {
    this(
        migrationId,
        domain,
        zone,
        verificationText,
        mxTargets,
        autodiscoverConsent,
        authoritativeServers,
        null,
        null,
        null);
  }

  public DnsMigration {
    if (migrationId == null || migrationId.isBlank()) {
      throw new IllegalArgumentException("A migration id is required");
    }
    domain = DnsNames.absolute(domain);
    if (zone == null) {
      throw new IllegalArgumentException("Migration " + migrationId + " needs a DNS zone");
    }
    if (!DnsNames.isWithin(domain, zone.zone())) {
      throw new IllegalArgumentException(
          "Domain "
              + domain
              + " is not inside zone "
              + zone.zone()
              + " of migration "
              + migrationId);
    }
    mxTargets = List.copyOf(mxTargets);
    authoritativeServers = List.copyOf(authoritativeServers);
    autodiscoverTarget =
        autodiscoverTarget == null || autodiscoverTarget.isBlank()
            ? null
            : DnsNames.absolute(autodiscoverTarget.strip());
    if (spfInclude != null && (spfInclude.isBlank() || spfInclude.strip().contains(" "))) {
      throw new IllegalArgumentException(
          "The SPF include of migration "
              + migrationId
              + " must be one domain, e.g. spf.protection.outlook.com");
    }
    spfInclude = spfInclude == null ? null : spfInclude.strip();
    if (maxMxTtl != null && (maxMxTtl.isNegative() || maxMxTtl.isZero())) {
      throw new IllegalArgumentException(
          "The highest MX TTL of migration " + migrationId + " must be positive: " + maxMxTtl);
    }
  }

  /** The longest MX TTL before the swap: this migration's, else the rules'. */
  public Duration maxMxTtl(DnsRunbookRules rules) {
    return maxMxTtl != null ? maxMxTtl : rules.maxMxTtl();
  }

  /** Where the Autodiscover CNAME points: this migration's target, else the rules'. */
  public String autodiscoverTarget(DnsRunbookRules rules) {
    return autodiscoverTarget != null ? autodiscoverTarget : rules.autodiscoverTarget();
  }

  /** The SPF include: this migration's, else the rules'. */
  public String spfInclude(DnsRunbookRules rules) {
    return spfInclude != null ? spfInclude : rules.spfInclude();
  }
}
