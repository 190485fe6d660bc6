package org.cutover.dns;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.cutover.dns.cloudflare.CloudflareSettings;
import org.cutover.dns.cloudflare.CloudflareZone;
import org.cutover.dns.rfc2136.Rfc2136Zone;

/** Builds the {@link DnsZone} of a migration from its settings, with the configured defaults. */
public final class DnsZones {

  private final DnsLookups lookups;
  private final Duration timeout;
  private final CloudflareSettings cloudflare;

  public DnsZones(DnsLookups lookups, Duration timeout, CloudflareSettings cloudflare) {
    this.lookups = lookups;
    this.timeout = timeout;
    this.cloudflare = cloudflare;
  }

  /** A zone changed by RFC 2136 updates at {@code primary} ({@code host:port}) signed with key. */
  public DnsZone rfc2136(String zone, String primary, TsigKey key) {
    return new Rfc2136Zone(zone, NameServer.parse(primary), key, timeout);
  }

  /** A zone hosted at Cloudflare; {@code apiToken} gives the token when a request is made. */
  public DnsZone cloudflare(String zone, Supplier<String> apiToken) {
    return new CloudflareZone(zone, cloudflare, apiToken);
  }

  /** A zone a person changes; read at its authoritative servers (or the ones given). */
  public DnsZone guided(String zone, List<NameServer> authoritativeServers) {
    return new GuidedZone(zone, lookups.withAuthoritativeServers(authoritativeServers));
  }
}
