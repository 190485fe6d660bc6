package org.cutover.dns;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Configuration {@code cutover.dns.*}.
 *
 * @param timeout how long to wait for each DNS answer
 * @param udpAttempts how often a UDP question is sent before it counts as timed out
 * @param resolvers resolvers ({@code host:port}) on which propagation is checked; empty = the
 *     system's (resolv.conf)
 * @param authoritativeServers servers ({@code host:port}) asked as authoritative for every zone
 *     instead of its NS records; empty = discover through NS (set it for tests and split DNS)
 * @param maxMxTtl the longest MX TTL during a migration
 * @param autodiscoverLabel the Autodiscover name below the mail domain
 * @param autodiscoverTarget where the Autodiscover CNAME points
 * @param autodiscoverTtl the Autodiscover CNAME's TTL
 * @param spfInclude the domain added to SPF as {@code include:}
 * @param newTxtTtl the TTL of a TXT record set Cutover creates
 * @param embeddedServer the in-process DNS server (demo)
 */
@ConfigurationProperties("cutover.dns")
public record DnsProperties(
    @DefaultValue("5s") Duration timeout,
    @DefaultValue("2") int udpAttempts,
    @DefaultValue List<String> resolvers,
    @DefaultValue List<String> authoritativeServers,
    @DefaultValue("1h") Duration maxMxTtl,
    @DefaultValue("autodiscover") String autodiscoverLabel,
    @DefaultValue("autodiscover.outlook.com") String autodiscoverTarget,
    @DefaultValue("1h") Duration autodiscoverTtl,
    @DefaultValue("spf.protection.outlook.com") String spfInclude,
    @DefaultValue("1h") Duration newTxtTtl,
    @DefaultValue EmbeddedServer embeddedServer) {

  /**
   * @param enabled start the in-process authoritative server
   * @param address where it listens
   * @param port UDP and TCP port; 0 picks a free one
   * @param zones the zones it serves, each from a zone file
   * @param tsigKeyName the TSIG key allowed to update them
   * @param tsigAlgorithm its HMAC algorithm
   * @param tsigSecret its base64 secret (demo only; required when enabled)
   */
  public record EmbeddedServer(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("127.0.0.1") String address,
      @DefaultValue("0") int port,
      @DefaultValue List<Zone> zones,
      @DefaultValue("cutover-demo") String tsigKeyName,
      @DefaultValue("hmac-sha256") String tsigAlgorithm,
      String tsigSecret) {

    /**
     * @param name the zone's apex, e.g. {@code contoso.test}
     * @param file a Spring resource location of its zone file, e.g. {@code classpath:dns/x.zone}
     */
    public record Zone(String name, String file) {}

    @Override
    public String toString() {
      return "EmbeddedServer[enabled="
          + enabled
          + ", address="
          + address
          + ", port="
          + port
          + ", zones="
          + zones
          + ", tsigKeyName="
          + tsigKeyName
          + ", tsigAlgorithm="
          + tsigAlgorithm
          + "]";
    }
  }
}
