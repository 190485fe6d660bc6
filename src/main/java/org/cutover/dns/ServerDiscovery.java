package org.cutover.dns;

import java.util.List;

/** Which servers are authoritative for a zone, or why they could not be found. */
public sealed interface ServerDiscovery {

  /** The servers, and how they were found ("configured", or "NS records of contoso.com."). */
  record Found(List<NameServer> servers, String source) implements ServerDiscovery {
    public Found {
      servers = List.copyOf(servers);
      if (servers.isEmpty()) {
        throw new IllegalArgumentException("Found needs at least one server");
      }
    }
  }

  /** No server could be found; {@code reason} says what was tried and what to check. */
  record NotFound(String reason) implements ServerDiscovery {}
}
