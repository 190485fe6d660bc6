package org.cutover.migration.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cutover.migration.provisioning.ExchangeOnlineScriptTest.recipient;

import java.util.List;
import org.cutover.directory.RecipientKind;
import org.junit.jupiter.api.Test;

class ImapAddressListTest {

  @Test
  void listsEachMailboxsAliasesAndWhereAGroupDelivers() {
    var anna =
        recipient(
            RecipientKind.USER_MAILBOX,
            "Anna",
            "anna@contoso.com",
            List.of("anna.jensen@contoso.com", "anna@fabrikam.com"),
            List.of());
    var all =
        recipient(
            RecipientKind.DISTRIBUTION_GROUP,
            "All",
            "all@contoso.com",
            List.of(),
            List.of("anna@contoso.com", "bo@contoso.com"));

    String list = ImapAddressList.render("m-1", "contoso.com", List.of(anna, all));

    assertThat(ImapAddressList.toCreate(anna, "contoso.com"))
        .containsExactly("anna.jensen@contoso.com");
    assertThat(list)
        .startsWith("Addresses to create at the IMAP host for contoso.com")
        .contains("anna@contoso.com (user mailbox)\n  anna.jensen@contoso.com\n")
        .contains(
            "all@contoso.com (distribution group), delivering to anna@contoso.com,"
                + " bo@contoso.com\n  all@contoso.com\n")
        .doesNotContain("fabrikam");
  }

  @Test
  void isEmptyWhenEveryMailboxHasOnlyItsOwnAddress() {
    var bo = recipient(RecipientKind.USER_MAILBOX, "Bo", "bo@contoso.com", List.of(), List.of());

    assertThat(ImapAddressList.render("m-1", "contoso.com", List.of(bo))).isEmpty();
  }
}
