package org.cutover.migration.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.junit.jupiter.api.Test;

class LetterAudienceTest {

  private final RecipientStore store = mock(RecipientStore.class);

  @Test
  void sharedMailboxesReachTheirOwnersOnceAndRoomsNoOne() {
    when(store.ofMigration("m"))
        .thenReturn(
            List.of(
                recipient(RecipientKind.USER_MAILBOX, "anna@contoso.test", List.of()),
                recipient(
                    RecipientKind.SHARED_MAILBOX,
                    "info@contoso.test",
                    List.of("anna@contoso.test", "dorte@contoso.test")),
                recipient(RecipientKind.ROOM_MAILBOX, "room1@contoso.test", List.of()),
                recipient(RecipientKind.EQUIPMENT_MAILBOX, "beamer@contoso.test", List.of())));

    List<LetterAudience.Addressee> addressees =
        new LetterAudience(store)
            .of(
                "m",
                List.of(
                    mailbox("1", "info@contoso.test"),
                    mailbox("2", "Anna@contoso.test"),
                    mailbox("3", "room1@contoso.test"),
                    mailbox("4", "beamer@contoso.test")));

    assertThat(addressees)
        .extracting(LetterAudience.Addressee::address, LetterAudience.Addressee::mailboxId)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Anna@contoso.test", "2"),
            org.assertj.core.groups.Tuple.tuple("dorte@contoso.test", "1"));
  }

  @Test
  void aSharedMailboxWithoutNamedOwnersIsWrittenToItselfAsAreMailboxesWithoutRecipient() {
    when(store.ofMigration("m"))
        .thenReturn(
            List.of(recipient(RecipientKind.SHARED_MAILBOX, "info@contoso.test", List.of())));

    assertThat(
            new LetterAudience(store)
                .of(
                    "m",
                    List.of(mailbox("1", "info@contoso.test"), mailbox("2", "bo@contoso.test"))))
        .extracting(LetterAudience.Addressee::address)
        .containsExactly("info@contoso.test", "bo@contoso.test");
  }

  private static StoredRecipient recipient(
      RecipientKind kind, String address, List<String> owners) {
    return new StoredRecipient(
        address, kind, null, address, List.of(), List.of(), null, null, owners, List.of(), false,
        null);
  }

  private static MailboxState mailbox(String id, String address) {
    return new MailboxState(
        id, "m", address, null, null, MailboxStatus.QUEUED, null, 0, 0, 0, 0, null);
  }
}
