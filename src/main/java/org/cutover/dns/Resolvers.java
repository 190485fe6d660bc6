package org.cutover.dns;

import java.util.List;
import org.xbill.DNS.ResolverConfig;

/**
 * The recursive resolvers to ask: the configured ones, else those of the system (resolv.conf).
 * Propagation is checked on each of them after the authoritative servers.
 */
public final class Resolvers {

  private final List<NameServer> configured;

  public Resolvers(List<NameServer> configured) {
    this.configured = List.copyOf(configured);
  }

  public List<NameServer> servers() {
    if (!configured.isEmpty()) {
      return configured;
    }
    return ResolverConfig.getCurrentConfig().servers().stream().map(NameServer::at).toList();
  }
}
