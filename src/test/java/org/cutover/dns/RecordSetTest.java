package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordSetTest {

  @Test
  void normalisesNamesAndValues() {
    RecordSet set = RecordSet.of("Contoso.COM", RecordType.MX, 3600, "10 Mail.Contoso.com");

    assertThat(set.name()).isEqualTo("contoso.com.");
    assertThat(set.values()).containsExactly("10 mail.contoso.com.");
  }

  @Test
  void equalsWhateverOrderTheRecordsCameIn() {
    RecordSet one =
        RecordSet.of("contoso.com", RecordType.MX, 300, "20 b.contoso.com.", "5 a.net.");
    RecordSet two =
        RecordSet.of("contoso.com.", RecordType.MX, 300, "5 a.net.", "20 b.contoso.com.");

    assertThat(one).isEqualTo(two);
    assertThat(one.values()).containsExactly("5 a.net.", "20 b.contoso.com.");
  }

  @Test
  void comparesRecordsWithoutTtl() {
    RecordSet low = RecordSet.of("contoso.com", RecordType.MX, 300, "10 mail.contoso.com.");
    RecordSet high = low.withTtl(86400);

    assertThat(low).isNotEqualTo(high);
    assertThat(low.sameRecords(high)).isTrue();
  }

  @Test
  void quotesABareTxtText() {
    RecordSet set = RecordSet.of("contoso.com", RecordType.TXT, 3600, "v=spf1 mx -all");

    assertThat(set.values()).containsExactly("\"v=spf1 mx -all\"");
    assertThat(set.texts()).containsExactly("v=spf1 mx -all");
  }

  @Test
  void splitsALongTxtTextIntoStringsOf255Bytes() {
    String text = "v=spf1 " + "include:a-very-long-name.example.net ".repeat(10) + "-all";
    RecordSet set = RecordSet.txt("contoso.com", 3600, List.of(text));

    assertThat(set.values().get(0)).startsWith("\"v=spf1").contains("\" \"");
    assertThat(set.texts()).containsExactly(text);
  }

  @Test
  void keepsQuotesAndBackslashesInTxtTexts() {
    RecordSet set = RecordSet.txt("contoso.com", 60, List.of("say \"hi\" \\ bye"));

    assertThat(set.texts()).containsExactly("say \"hi\" \\ bye");
  }

  @Test
  void roundTripsThroughDnsjavaRecords() {
    RecordSet set = RecordSet.of("contoso.com", RecordType.MX, 600, "0 a.net.", "10 b.net.");

    assertThat(RecordSet.fromRecords(set.toRecords())).isEqualTo(set);
    assertThat(set.toRecords(0)).allSatisfy(r -> assertThat(r.getTTL()).isZero());
  }

  @Test
  void takesTheLongestTtlWhenRecordsDisagree() {
    var records =
        List.of(
            Replies.record("contoso.com. 300 IN MX 0 a.net."),
            Replies.record("contoso.com. 3600 IN MX 10 b.net."));

    assertThat(RecordSet.fromRecords(records).ttl()).isEqualTo(3600);
  }

  @Test
  void refusesAnInvalidValueNamingIt() {
    assertThatThrownBy(() -> RecordSet.of("contoso.com", RecordType.A, 60, "not-an-address"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'not-an-address' is not a valid A value for contoso.com.");
  }

  @Test
  void refusesAnEmptySet() {
    assertThatThrownBy(() -> new RecordSet("contoso.com", RecordType.MX, 60, List.of()))
        .hasMessageContaining("needs at least one value");
  }

  @Test
  void describesItselfAsZoneFileLines() {
    RecordSet set = RecordSet.of("contoso.com", RecordType.MX, 3600, "0 a.net.", "10 b.net.");

    assertThat(set.describe())
        .isEqualTo("contoso.com. 3600 IN MX 0 a.net.\ncontoso.com. 3600 IN MX 10 b.net.");
  }

  @Test
  void placesALabelBelowTheDomain() {
    assertThat(DnsNames.below("autodiscover", "Contoso.com"))
        .isEqualTo("autodiscover.contoso.com.");
    assertThat(DnsNames.below("@", "contoso.com")).isEqualTo("contoso.com.");
    assertThat(DnsNames.below("other.net.", "contoso.com")).isEqualTo("other.net.");
    assertThat(DnsNames.absolute("bücher.example")).isEqualTo("xn--bcher-kva.example.");
  }
}
