package org.cutover.dns;

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
 */
public record DnsMigration(
    String migrationId,
    String domain,
    DnsZone zone,
    String verificationText,
    List<MxTarget> mxTargets,
    boolean autodiscoverConsent,
    List<NameServer> authoritativeServers) {

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
  }
}
