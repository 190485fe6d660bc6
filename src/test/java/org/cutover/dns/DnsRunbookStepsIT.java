package org.cutover.dns;

import java.nio.file.Path;
import java.time.Duration;
import org.cutover.dns.rfc2136.Rfc2136Zone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** The DNS steps end to end against a real BIND 9 changed through RFC 2136 + TSIG. */
class DnsRunbookStepsIT extends DnsRunbookStepsContract {

  @TempDir Path dir;
  private BindServer bind;

  @BeforeEach
  void startBind() throws Exception {
    bind = BindServer.start(dir, "example.test", ZONE);
  }

  @AfterEach
  void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  @Override
  protected DnsZone zone() {
    return new Rfc2136Zone("example.test", bind.server(), bind.key(), Duration.ofSeconds(5));
  }

  @Override
  protected NameServer server() {
    return bind.server();
  }
}
