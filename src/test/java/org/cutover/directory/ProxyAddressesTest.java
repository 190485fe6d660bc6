package org.cutover.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProxyAddressesTest {

  @Test
  void upperCaseSmtpIsThePrimaryAndLowerCaseAreAliases() {
    ProxyAddresses parsed =
        ProxyAddresses.parse(
            List.of("smtp:anna.jensen@contoso.com", "SMTP:anna@contoso.com", "smtp:aj@contoso.com"),
            null);

    assertThat(parsed.primary()).isEqualTo("anna@contoso.com");
    assertThat(parsed.aliases()).containsExactly("anna.jensen@contoso.com", "aj@contoso.com");
  }

  @Test
  void x500AddressesAreKeptWithoutTheirPrefixAndOtherTypesAreLeftOut() {
    ProxyAddresses parsed =
        ProxyAddresses.parse(
            List.of(
                "SMTP:anna@contoso.com",
                "X500:/o=Contoso/ou=Exchange Administrative Group/cn=Recipients/cn=anna",
                "x500:/o=Old/cn=anna",
                "SIP:anna@contoso.com",
                "X400:c=DK;a= ;p=Contoso;s=Jensen;"),
            null);

    assertThat(parsed.x500())
        .containsExactly(
            "/o=Contoso/ou=Exchange Administrative Group/cn=Recipients/cn=anna", "/o=Old/cn=anna");
    assertThat(parsed.aliases()).isEmpty();
  }

  @Test
  void mailStandsInForThePrimaryWhenNoneIsMarked() {
    ProxyAddresses parsed =
        ProxyAddresses.parse(List.of("smtp:sales@contoso.com"), "bo@contoso.com");

    assertThat(parsed.primary()).isEqualTo("bo@contoso.com");
    assertThat(parsed.aliases()).containsExactly("sales@contoso.com");
  }

  @Test
  void theFirstAliasBecomesPrimaryWithoutMailOrMarkedPrimary() {
    ProxyAddresses parsed = ProxyAddresses.parse(List.of("smtp:a@contoso.com"), null);

    assertThat(parsed.primary()).isEqualTo("a@contoso.com");
    assertThat(parsed.aliases()).isEmpty();
  }

  @Test
  void anAliasRepeatingThePrimaryOrAnotherAliasIsListedOnce() {
    ProxyAddresses parsed =
        ProxyAddresses.parse(
            List.of(
                "SMTP:anna@contoso.com",
                "smtp:Anna@Contoso.com",
                "smtp:sales@contoso.com",
                "smtp:SALES@contoso.com"),
            "anna@contoso.com");

    assertThat(parsed.aliases()).containsExactly("sales@contoso.com");
  }

  @Test
  void valuesWithoutTypeOrAddressAreIgnored() {
    ProxyAddresses parsed = ProxyAddresses.parse(List.of("anna@contoso.com", "smtp:", ""), null);

    assertThat(parsed.primary()).isNull();
    assertThat(parsed.aliases()).isEmpty();
  }
}
