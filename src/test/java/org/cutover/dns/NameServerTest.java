package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameServerTest {

  @Test
  void readsHostAndPort() {
    NameServer server = NameServer.parse("127.0.0.1:5353");

    assertThat(server.address().getPort()).isEqualTo(5353);
    assertThat(server.describe()).isEqualTo("127.0.0.1:5353");
  }

  @Test
  void defaultsToPort53() {
    assertThat(NameServer.parse("127.0.0.1").address().getPort()).isEqualTo(53);
  }

  @Test
  void readsBracketedIpv6() {
    NameServer server = NameServer.parse("[::1]:5300");

    assertThat(server.address().getPort()).isEqualTo(5300);
    assertThat(server.describe()).isEqualTo("[0:0:0:0:0:0:0:1]:5300");
  }

  @Test
  void refusesABadPort() {
    assertThatThrownBy(() -> NameServer.parse("127.0.0.1:port"))
        .hasMessageContaining("port that is not a number");
    assertThatThrownBy(() -> NameServer.parse("127.0.0.1:70000"))
        .hasMessageContaining("out of range");
  }
}
