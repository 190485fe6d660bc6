package org.cutover.dns.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.cutover.dns.DnsRunbookStepsContract;
import org.cutover.dns.DnsZone;
import org.cutover.dns.NameServer;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The DNS steps end to end against the in-process server, as against BIND. */
class InProcessServerStepsTest extends DnsRunbookStepsContract {

  private InProcessDnsServer server;

  @BeforeEach
  void startServer() throws Exception {
    server =
        new InProcessDnsServer(
            InetAddress.getLoopbackAddress(), 0, List.of(InProcessServerZoneTest.KEY));
    server.addZone("example.test", ZONE);
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.close();
  }

  @Override
  protected DnsZone zone() {
    return new Rfc2136Zone(
        "example.test", server.nameServer(), InProcessServerZoneTest.KEY, Duration.ofSeconds(30));
  }

  @Override
  protected NameServer server() {
    return server.nameServer();
  }
}
