package org.cutover.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecipientClassifierTest {

  @Test
  void exchangeTypeDetailsNameEachKindOfMailbox() {
    assertThat(kindOf(details("1"))).isEqualTo(RecipientKind.USER_MAILBOX);
    assertThat(kindOf(details("4"))).isEqualTo(RecipientKind.SHARED_MAILBOX);
    assertThat(kindOf(details("16"))).isEqualTo(RecipientKind.ROOM_MAILBOX);
    assertThat(kindOf(details("32"))).isEqualTo(RecipientKind.EQUIPMENT_MAILBOX);
  }

  @Test
  void exchangeTypeDetailsNameGroupsContactsAndMailUsers() {
    assertThat(kindOf(details("64"))).isEqualTo(RecipientKind.MAIL_CONTACT);
    assertThat(kindOf(details("128"))).isEqualTo(RecipientKind.MAIL_USER);
    assertThat(kindOf(details("256"))).isEqualTo(RecipientKind.DISTRIBUTION_GROUP);
    assertThat(kindOf(details("1024"))).isEqualTo(RecipientKind.SECURITY_GROUP);
    assertThat(kindOf(details("2147483648"))).isEqualTo(RecipientKind.MAIL_USER);
  }

  @Test
  void aNonUniversalGroupIsASecurityGroupWhenItsGroupTypeSaysSo() {
    assertThat(kindOf(entry("msExchRecipientTypeDetails", "512", "groupType", "-2147483646")))
        .isEqualTo(RecipientKind.SECURITY_GROUP);
    assertThat(kindOf(entry("msExchRecipientTypeDetails", "512", "groupType", "2")))
        .isEqualTo(RecipientKind.DISTRIBUTION_GROUP);
  }

  @Test
  void systemMailboxesAndEntriesThatAreNotMailEnabledAreNoRecipients() {
    assertThat(RecipientClassifier.classify(details("8388608")))
        .isEqualTo(new RecipientClassifier.NotRecipient(ExclusionReason.SYSTEM_MAILBOX));
    assertThat(RecipientClassifier.classify(details("65536")))
        .isEqualTo(new RecipientClassifier.NotRecipient(ExclusionReason.NO_MAILBOX));
    assertThat(RecipientClassifier.classify(entry("objectClass", "inetOrgPerson")))
        .isEqualTo(new RecipientClassifier.NotRecipient(ExclusionReason.NO_MAILBOX));
  }

  @Test
  void aPlainDirectoryPersonWithMailIsAUserMailboxAndAGroupOfNamesIsADistributionGroup() {
    assertThat(kindOf(entry("objectClass", "inetOrgPerson", "mail", "anna@contoso.test")))
        .isEqualTo(RecipientKind.USER_MAILBOX);
    assertThat(kindOf(entry("objectClass", "groupOfNames", "mail", "sales@contoso.test")))
        .isEqualTo(RecipientKind.DISTRIBUTION_GROUP);
    assertThat(kindOf(entry("objectClass", "contact", "mail", "ext@fabrikam.test")))
        .isEqualTo(RecipientKind.MAIL_CONTACT);
  }

  @Test
  void anAccountIsDisabledByItsUserAccountControlBit() {
    assertThat(RecipientClassifier.disabled(entry("userAccountControl", "514"))).isTrue();
    assertThat(RecipientClassifier.disabled(entry("userAccountControl", "512"))).isFalse();
    assertThat(RecipientClassifier.disabled(entry("mail", "a@contoso.test"))).isFalse();
  }

  @Test
  void theProposalLeavesOutRoomsDisabledUsersAndAddressesOutsideTheDomainButKeepsSharedOnes() {
    List<DirectoryEntry> entries =
        List.of(
            person("CN=Anna", "1", "512", "SMTP:anna@contoso.test"),
            person("CN=Gone", "1", "514", "SMTP:gone@contoso.test"),
            person("CN=Info", "4", "514", "SMTP:info@contoso.test"),
            person("CN=Room", "16", "514", "SMTP:room1@contoso.test"),
            person("CN=Other", "1", "512", "SMTP:bo@fabrikam.test"),
            new DirectoryEntry(
                "CN=Sales",
                Map.of(
                    "msExchRecipientTypeDetails", List.of("256"),
                    "proxyAddresses", List.of("SMTP:sales@contoso.test"),
                    "member", List.of("cn=anna", "CN=Nobody"))));

    Discovery discovery = RecipientAssembly.assemble(entries);
    BatchProposal proposal = BatchProposal.of(discovery, "contoso.test");

    assertThat(proposal.mailboxes())
        .extracting(Recipient::primaryAddress)
        .containsExactly("anna@contoso.test", "info@contoso.test");
    assertThat(proposal.excluded())
        .extracting(BatchProposal.Excluded::name, BatchProposal.Excluded::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("gone@contoso.test", ExclusionReason.DISABLED),
            org.assertj.core.groups.Tuple.tuple("room1@contoso.test", ExclusionReason.ROOM_MAILBOX),
            org.assertj.core.groups.Tuple.tuple(
                "bo@fabrikam.test", ExclusionReason.OUTSIDE_DOMAIN));
    Recipient sales = discovery.recipients().get(5);
    assertThat(sales.members()).containsExactly("anna@contoso.test");
  }

  private static RecipientKind kindOf(DirectoryEntry entry) {
    return ((RecipientClassifier.Kind) RecipientClassifier.classify(entry)).kind();
  }

  private static DirectoryEntry details(String value) {
    return entry("msExchRecipientTypeDetails", value, "proxyAddresses", "SMTP:x@contoso.test");
  }

  private static DirectoryEntry person(String dn, String details, String control, String primary) {
    return new DirectoryEntry(
        dn,
        Map.of(
            "msExchRecipientTypeDetails", List.of(details),
            "userAccountControl", List.of(control),
            "proxyAddresses", List.of(primary)));
  }

  private static DirectoryEntry entry(String... namesAndValues) {
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      attributes.put(namesAndValues[i], List.of(namesAndValues[i + 1]));
    }
    return new DirectoryEntry("CN=Test", attributes);
  }
}
