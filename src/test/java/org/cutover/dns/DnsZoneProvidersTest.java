package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DnsZoneProvidersTest {

  /** A provider that records whether its own check ran. */
  static final class Named implements DnsZoneProvider {
    final String name;
    final Set<DnsZoneSetting> required;
    final List<DnsZoneSettings> checked = new ArrayList<>();

    Named(String name, DnsZoneSetting... required) {
      this.name = name;
      this.required = Set.of(required);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public Set<DnsZoneSetting> required() {
      return required;
    }

    @Override
    public List<DnsSettingProblem> check(DnsZoneSettings settings) {
      checked.add(settings);
      return "bad".equals(settings.credential().reveal())
          ? List.of(DnsSettingProblem.of(DnsZoneSetting.CREDENTIAL, "cutover.dns.tsig", "x"))
          : List.of();
    }

    @Override
    public DnsZone open(DnsZoneSettings settings) {
      throw new UnsupportedOperationException("not opened in these tests");
    }
  }

  @Test
  void findsAProviderByNameWhateverItsCaseAndListsTheNamesInOrder() {
    Named b = new Named("b-host");
    Named a = new Named("a_host");
    DnsZoneProviders providers = new DnsZoneProviders(List.of(b, a));

    assertThat(providers.names()).containsExactly("a_host", "b-host");
    assertThat(providers.named(" B-Host ")).containsSame(b);
    assertThat(providers.named("c-host")).isEmpty();
    assertThat(providers.named(null)).isEmpty();
  }

  @Test
  void refusesTwoProvidersOfOneNameNamingBothClasses() {
    assertThatThrownBy(() -> new DnsZoneProviders(List.of(new Named("same"), new Named("same"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("are both named 'same'")
        .hasMessageContaining(Named.class.getName());
  }

  @Test
  void refusesANameAMigrationCouldNotGive() {
    assertThatThrownBy(() -> new DnsZoneProviders(List.of(new Named("Two Words"))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is named 'Two Words'");
  }

  @Test
  void reportsMissingSettingsBeforeTheProviderLooksAtTheGivenOnes() {
    Named provider = new Named("host", DnsZoneSetting.SERVER, DnsZoneSetting.CREDENTIAL);
    DnsZoneProviders providers = new DnsZoneProviders(List.of(provider));

    List<DnsSettingProblem> missing =
        providers.problems(provider, new DnsZoneSettings("contoso.com", " ", null));
    List<DnsSettingProblem> bad =
        providers.problems(provider, new DnsZoneSettings("contoso.com", "ns1", () -> "bad"));
    List<DnsSettingProblem> good =
        providers.problems(provider, new DnsZoneSettings("contoso.com", "ns1", () -> "good"));

    assertThat(missing)
        .containsExactly(
            DnsSettingProblem.of(DnsZoneSetting.SERVER, "cutover.dns.server.needed", "host"),
            DnsSettingProblem.of(
                DnsZoneSetting.CREDENTIAL, "cutover.dns.credential.needed", "host"));
    assertThat(bad)
        .extracting(DnsSettingProblem::setting)
        .containsExactly(DnsZoneSetting.CREDENTIAL);
    assertThat(good).isEmpty();
    assertThat(provider.checked).hasSize(2);
  }

  @Test
  void settingsNeverShowTheCredential() {
    assertThat(new DnsZoneSettings("contoso.com", null, () -> "s3cret").toString())
        .doesNotContain("s3cret")
        .contains("credential=given");
  }
}
