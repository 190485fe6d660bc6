package org.cutover.migration;

import java.nio.file.Path;
import org.cutover.dns.BindServer;
import org.cutover.dns.NameServer;
import org.cutover.dns.TsigKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZoneDnsRunbook} against a real BIND 9 changed by RFC 2136 with TSIG. Without {@code named}
 * the tests are skipped, except with {@code CI=true}: then they fail.
 */
class DnsRunbookBindIT extends ZoneDnsRunbookContract {

  @TempDir Path dir;
  private BindServer bind;

  @Override
  void startServer(String zoneFile) throws Exception {
    bind = BindServer.start(dir, "example.test", zoneFile);
  }

  @AfterEach
  void stopBind() {
    if (bind != null) {
      bind.close();
    }
  }

  @Override
  NameServer server() {
    return bind.server();
  }

  @Override
  TsigKey key() {
    return bind.key();
  }
}
