package org.cutover.migration;

import java.net.InetAddress;
import java.util.List;
import org.cutover.dns.NameServer;
import org.cutover.dns.TsigKey;
import org.cutover.dns.server.InProcessDnsServer;
import org.junit.jupiter.api.AfterEach;

/** {@link ZoneDnsRunbook} against the in-process DNS server, changed by RFC 2136 with TSIG. */
class ZoneDnsRunbookTest extends ZoneDnsRunbookContract {

  static final TsigKey KEY =
      new TsigKey(
          "cutover-test", "hmac-sha256", () -> "q8SxU3Ex8l5IT0uZ6gJSiXqGvsP8Nn3QvJ1p0fJhJxM=");

  private InProcessDnsServer server;

  @Override
  void startServer(String zoneFile) throws Exception {
    server = new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
    server.addZone("example.test", zoneFile);
    server.start();
  }

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  NameServer server() {
    return server.nameServer();
  }

  @Override
  TsigKey key() {
    return KEY;
  }
}
