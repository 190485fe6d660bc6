package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MxTargetTest {

  @Test
  void readsPreferenceAndHost() {
    MxTarget target = MxTarget.parse("0 contoso-com.mail.protection.outlook.com");

    assertThat(target.preference()).isZero();
    assertThat(target.host()).isEqualTo("contoso-com.mail.protection.outlook.com.");
    assertThat(target.value()).isEqualTo("0 contoso-com.mail.protection.outlook.com.");
  }

  @Test
  void refusesAnAddressAsHost() {
    assertThatThrownBy(() -> new MxTarget(10, "192.0.2.25"))
        .hasMessageContaining("is an IP address; an MX record must name a host");
    assertThatThrownBy(() -> new MxTarget(10, "2001:db8::25"))
        .hasMessageContaining("is an IP address");
  }

  @Test
  void refusesTextWithoutPreference() {
    assertThatThrownBy(() -> MxTarget.parse("mail.contoso.com"))
        .hasMessageContaining("write the preference and the host");
    assertThatThrownBy(() -> MxTarget.parse("ten mail.contoso.com")).hasMessageContaining("'ten'");
  }

  @Test
  void ordersByPreference() {
    assertThat(new MxTarget(0, "z.net").compareTo(new MxTarget(10, "a.net"))).isNegative();
  }
}
