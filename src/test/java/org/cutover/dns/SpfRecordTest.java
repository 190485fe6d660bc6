package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpfRecordTest {

  private static final String MS = "spf.protection.outlook.com";

  @Test
  void recognisesOnlyVersionOneRecords() {
    assertThat(SpfRecord.isSpf("v=spf1 mx -all")).isTrue();
    assertThat(SpfRecord.isSpf("V=SPF1")).isTrue();
    assertThat(SpfRecord.isSpf("v=spf10 mx")).isFalse();
    assertThat(SpfRecord.isSpf("MS=ms12345678")).isFalse();
    assertThat(SpfRecord.isSpf("spf2.0/pra mx -all")).isFalse();
  }

  @Test
  void addsTheIncludeBeforeAll() {
    assertThat(SpfRecord.parse("v=spf1 mx ip4:192.0.2.0/24 -all").withInclude(MS).text())
        .isEqualTo("v=spf1 mx ip4:192.0.2.0/24 include:spf.protection.outlook.com -all");
    assertThat(SpfRecord.parse("v=spf1 a ~all").withInclude(MS).text())
        .isEqualTo("v=spf1 a include:spf.protection.outlook.com ~all");
  }

  @Test
  void addsTheIncludeAfterTheLastMechanismWhenThereIsNoAll() {
    assertThat(SpfRecord.parse("v=spf1 mx redirect=_spf.example.net").withInclude(MS).text())
        .isEqualTo("v=spf1 mx include:spf.protection.outlook.com redirect=_spf.example.net");
    assertThat(SpfRecord.parse("v=spf1").withInclude(MS).text())
        .isEqualTo("v=spf1 include:spf.protection.outlook.com");
  }

  @Test
  void keepsEveryOtherTermIncludingModifiersAndQualifiers() {
    String merged =
        SpfRecord.parse("v=spf1 +mx ?include:_spf.example.net exp=explain.example.net -all")
            .withInclude(MS)
            .text();

    assertThat(merged)
        .isEqualTo(
            "v=spf1 +mx ?include:_spf.example.net exp=explain.example.net"
                + " include:spf.protection.outlook.com -all");
  }

  @Test
  void seesAnIncludeAlreadyThereWhateverItsCase() {
    assertThat(SpfRecord.parse("v=spf1 include:SPF.Protection.Outlook.com -all").includes(MS))
        .isTrue();
    assertThat(SpfRecord.parse("v=spf1 +include:spf.protection.outlook.com -all").includes(MS))
        .isTrue();
    assertThat(SpfRecord.parse("v=spf1 mx -all").includes(MS)).isFalse();
  }

  @Test
  void findsTheIncludeWithABlockingQualifier() {
    assertThat(
            SpfRecord.parse("v=spf1 -include:spf.protection.outlook.com mx ~all")
                .includeWithOtherQualifier(MS))
        .contains("-include:spf.protection.outlook.com");
  }

  @Test
  void countsTheTermsThatCostDnsLookups() {
    SpfRecord record =
        SpfRecord.parse(
            "v=spf1 a mx ptr exists:%{i}.x.example include:a.net ip4:192.0.2.1 ip6:2001:db8::1"
                + " redirect=b.net -all");

    assertThat(record.dnsLookups()).isEqualTo(6);
  }

  @Test
  void collapsesRunsOfSpaces() {
    assertThat(SpfRecord.parse("  v=spf1   mx    -all ").text()).isEqualTo("v=spf1 mx -all");
  }
}
