package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DnsRunbookRulesTest {

  private static DnsRunbookRules withAutodiscoverLabel(String label) {
    return new DnsRunbookRules(
        Duration.ofHours(1),
        label,
        "autodiscover.outlook.com",
        Duration.ofHours(1),
        "spf.protection.outlook.com",
        Duration.ofHours(1));
  }

  @Test
  void refusesAnAutodiscoverCnameAtTheZonesApex() {
    assertThatThrownBy(() -> withAutodiscoverLabel("@"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cutover.dns.autodiscover-label")
        .hasMessageContaining("apex");
    assertThatThrownBy(() -> withAutodiscoverLabel(".")).hasMessageContaining("apex");
  }

  @Test
  void acceptsANameBelowTheDomain() {
    assertThatCode(() -> withAutodiscoverLabel("autodiscover")).doesNotThrowAnyException();
    assertThatCode(() -> withAutodiscoverLabel("autodiscover.mail")).doesNotThrowAnyException();
  }
}
