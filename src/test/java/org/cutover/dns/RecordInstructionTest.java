package org.cutover.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a guided DNS step shows the administrator, in English and Danish. */
class RecordInstructionTest {

  @Test
  void aSetNamesTheWholeRecordSetWithItsTtl() {
    RecordInstruction set =
        new RecordInstruction(
            RecordInstruction.Action.SET,
            "contoso.com.",
            RecordType.MX,
            3600,
            List.of("0 contoso-com.mail.protection.outlook.com."));

    assertThat(set.describe())
        .isEqualTo(
            "Set the MX records of contoso.com. to exactly these, TTL 3600 s, removing any other"
                + " MX record there. / Sæt MX-posterne for contoso.com. til præcis disse, TTL 3600"
                + " s, og fjern alle andre MX-poster der:\n"
                + "contoso.com. 3600 IN MX 0 contoso-com.mail.protection.outlook.com.");
  }

  @Test
  void aRemovalListsTheRecordsToRemove() {
    RecordInstruction remove =
        new RecordInstruction(
            RecordInstruction.Action.REMOVE,
            "autodiscover.contoso.com.",
            RecordType.A,
            3600,
            List.of("192.0.2.80", "192.0.2.81"));

    assertThat(remove.describe())
        .isEqualTo(
            "Remove every A record of autodiscover.contoso.com. / Fjern alle A-poster for"
                + " autodiscover.contoso.com.:\n"
                + "autodiscover.contoso.com. 3600 IN A 192.0.2.80\n"
                + "autodiscover.contoso.com. 3600 IN A 192.0.2.81");
  }

  @Test
  void needsAnAction() {
    assertThatThrownBy(
            () -> new RecordInstruction(null, "contoso.com.", RecordType.MX, 60, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
