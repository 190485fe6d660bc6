package org.cutover.dns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.SOARecord;

/**
 * The look-ups the runbook makes: everything is asked directly of the zone's authoritative servers
 * (no cache, exact TTLs), and propagation also of the configured resolvers.
 */
public final class DnsLookups {

  private final DirectQuery query;
  private final ZoneServers zoneServers;
  private final Resolvers resolvers;

  public DnsLookups(DirectQuery query, ZoneServers zoneServers, Resolvers resolvers) {
    this.query = query;
    this.zoneServers = zoneServers;
    this.resolvers = resolvers;
  }

  /** The same look-ups, but asking {@code servers} as the authoritative servers of every zone. */
  public DnsLookups withAuthoritativeServers(List<NameServer> servers) {
    if (servers.isEmpty()) {
      return this;
    }
    return new DnsLookups(query, new ZoneServers(query, resolvers, servers), resolvers);
  }

  public ServerDiscovery authoritativeServers(String zone) {
    return zoneServers.find(zone);
  }

  /**
   * Asks every authoritative server of {@code zone} for the {@code type} records at {@code name}.
   */
  public AuthoritativeView authoritative(String zone, String name, RecordType type) {
    String owner = DnsNames.absolute(name);
    ServerDiscovery discovery = zoneServers.find(zone);
    if (discovery instanceof ServerDiscovery.NotFound notFound) {
      return AuthoritativeView.failed(owner, type, notFound.reason());
    }
    List<ServerAnswer> answers = new ArrayList<>();
    for (NameServer server : ((ServerDiscovery.Found) discovery).servers()) {
      answers.add(query.ask(server, owner, type, DirectQuery.Mode.AUTHORITATIVE));
    }
    return new AuthoritativeView(owner, type, answers, java.util.Optional.empty());
  }

  /** Asks one resolver, recursively (its cache included), for the {@code type} records. */
  public ServerAnswer viaResolver(NameServer resolver, String name, RecordType type) {
    return query.ask(resolver, name, type, DirectQuery.Mode.RECURSIVE);
  }

  /**
   * Whether every authoritative server of {@code zone} publishes the TXT text {@code expected} at
   * {@code name} (compared with the record's strings joined, exactly).
   */
  public TxtCheck verifyTxt(String zone, String name, String expected) {
    AuthoritativeView view = authoritative(zone, name, RecordType.TXT);
    StringBuilder detail = new StringBuilder();
    boolean everywhere = !view.answers().isEmpty();
    for (ServerAnswer answer : view.answers()) {
      boolean here =
          answer instanceof ServerAnswer.Records records
              && records.records().texts().contains(expected);
      everywhere &= here;
      detail.append(here ? "found at " : "missing at ").append(answer.describe()).append('\n');
    }
    if (view.problem().isPresent()) {
      detail.append(view.problem().get()).append('\n');
    }
    if (!everywhere) {
      detail
          .append("Add this record at the domain's DNS host: ")
          .append(RecordSet.txt(name, 3600, List.of(expected)).describe());
    }
    return new TxtCheck(everywhere, detail.toString().strip());
  }

  /**
   * Whether {@code expected} (compared without TTL) is answered by every authoritative server, all
   * with the same SOA serial, and then by every resolver.
   */
  public PropagationReport propagation(String zone, RecordSet expected) {
    StringBuilder detail = new StringBuilder();
    ServerDiscovery discovery = zoneServers.find(zone);
    boolean authoritative = false;
    if (discovery instanceof ServerDiscovery.NotFound notFound) {
      detail.append(notFound.reason()).append('\n');
    } else {
      authoritative = true;
      Set<Long> serials = new HashSet<>();
      for (NameServer server : ((ServerDiscovery.Found) discovery).servers()) {
        ServerAnswer soa = query.ask(server, zone, RecordType.SOA, DirectQuery.Mode.AUTHORITATIVE);
        if (soa instanceof ServerAnswer.Records records) {
          long serial = ((SOARecord) records.records().toRecords().get(0)).getSerial();
          serials.add(serial);
          detail.append("SOA serial ").append(serial).append(" at ").append(server.describe());
        } else {
          authoritative = false;
          detail.append("SOA: ").append(soa.describe());
        }
        detail.append('\n');
        ServerAnswer answer =
            query.ask(server, expected.name(), expected.type(), DirectQuery.Mode.AUTHORITATIVE);
        boolean matches = holds(answer, expected);
        authoritative &= matches;
        detail.append(matches ? "up to date: " : "not yet: ").append(answer.describe());
        detail.append('\n');
      }
      if (serials.size() > 1) {
        authoritative = false;
        detail
            .append("The authoritative servers serve different SOA serials ")
            .append(serials)
            .append(": a secondary has not yet taken the change\n");
      }
    }
    boolean viaResolvers = true;
    List<NameServer> resolverList = resolvers.servers();
    if (!authoritative) {
      viaResolvers = false;
      detail.append("Resolvers are asked once every authoritative server is up to date\n");
    } else if (resolverList.isEmpty()) {
      detail.append("No resolvers configured; only the authoritative servers were checked\n");
    } else {
      for (NameServer resolver : resolverList) {
        ServerAnswer answer = viaResolver(resolver, expected.name(), expected.type());
        boolean matches = holds(answer, expected);
        viaResolvers &= matches;
        detail.append(matches ? "resolver up to date: " : "resolver not yet: ");
        detail.append(answer.describe()).append('\n');
      }
    }
    return new PropagationReport(authoritative, viaResolvers, detail.toString().strip());
  }

  private static boolean holds(ServerAnswer answer, RecordSet expected) {
    return answer instanceof ServerAnswer.Records records
        && records.records().sameRecords(expected);
  }
}
