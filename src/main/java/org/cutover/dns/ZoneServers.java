package org.cutover.dns;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Record;

/**
 * Finds the servers authoritative for a zone: the configured ones when given (tests, split
 * horizons, hidden primaries), else the zone's NS records and their addresses, asked of the
 * resolvers.
 */
public final class ZoneServers {

  private final DirectQuery query;
  private final Resolvers resolvers;
  private final List<NameServer> configured;

  /**
   * @param configured servers to use for every zone instead of its NS records; empty to discover
   */
  public ZoneServers(DirectQuery query, Resolvers resolvers, List<NameServer> configured) {
    this.query = query;
    this.resolvers = resolvers;
    this.configured = List.copyOf(configured);
  }

  /** The authoritative servers of {@code zone}. */
  public ServerDiscovery find(String zone) {
    if (!configured.isEmpty()) {
      return new ServerDiscovery.Found(configured, "configured authoritative servers");
    }
    String apex = DnsNames.absolute(zone);
    List<String> problems = new ArrayList<>();
    for (NameServer resolver : resolvers.servers()) {
      ServerAnswer answer = query.ask(resolver, apex, RecordType.NS, DirectQuery.Mode.RECURSIVE);
      if (!(answer instanceof ServerAnswer.Records records)) {
        problems.add("NS " + apex + " via " + answer.describe());
        continue;
      }
      List<NameServer> servers = new ArrayList<>();
      for (Record record : records.records().toRecords()) {
        String host = ((NSRecord) record).getTarget().toString();
        Set<InetSocketAddress> addresses = addresses(resolver, host, problems);
        for (InetSocketAddress address : addresses) {
          servers.add(new NameServer(host, address));
        }
      }
      if (!servers.isEmpty()) {
        return new ServerDiscovery.Found(servers, "NS records of " + apex);
      }
      problems.add("none of the NS hosts of " + apex + " has an address");
    }
    if (resolvers.servers().isEmpty()) {
      problems.add("no resolver is configured (cutover.dns.resolvers) and the system has none");
    }
    return new ServerDiscovery.NotFound(
        "Could not find the authoritative servers of "
            + apex
            + ": "
            + String.join("; ", problems)
            + ". Check the domain's delegation, or configure the servers"
            + " (cutover.dns.authoritative-servers).");
  }

  private Set<InetSocketAddress> addresses(
      NameServer resolver, String host, List<String> problems) {
    Set<InetSocketAddress> addresses = new LinkedHashSet<>();
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA)) {
      ServerAnswer answer = query.ask(resolver, host, type, DirectQuery.Mode.RECURSIVE);
      if (answer instanceof ServerAnswer.Records records) {
        for (Record record : records.records().toRecords()) {
          if (record instanceof ARecord a) {
            addresses.add(new InetSocketAddress(a.getAddress(), NameServer.DNS_PORT));
          } else if (record instanceof AAAARecord aaaa) {
            addresses.add(new InetSocketAddress(aaaa.getAddress(), NameServer.DNS_PORT));
          }
        }
      } else if (type == RecordType.A
          && !(answer instanceof ServerAnswer.NoRecords)
          && !(answer instanceof ServerAnswer.NoSuchName)) {
        problems.add(type + " " + host + " via " + answer.describe());
      }
    }
    return addresses;
  }
}
