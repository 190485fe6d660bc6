package org.cutover.dns.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.cutover.dns.BindServer;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneContract;
import org.cutover.dns.TsigKey;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The RFC 2136 adapter against the in-process server: the same contract as against BIND. */
class InProcessServerZoneTest extends DnsZoneContract {

  static final TsigKey KEY =
      new TsigKey(
          "cutover-test", "hmac-sha256", () -> "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LTMyYg==");

  private InProcessDnsServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new InProcessDnsServer(InetAddress.getLoopbackAddress(), 0, List.of(KEY));
    server.addZone("example.test", BindServer.EXAMPLE_ZONE);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected DnsZone zone() {
    return new Rfc2136Zone("example.test", server.nameServer(), KEY, Duration.ofSeconds(30));
  }
}
