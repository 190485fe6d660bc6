package org.cutover.migration.recipients;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.MailboxState;
import org.springframework.stereotype.Component;

/**
 * Who reads the letters about a batch's mailboxes: each user at the mailbox's own address; a shared
 * mailbox's owners where the directory names them (else the shared mailbox itself); never a room or
 * equipment mailbox, which no one reads. Each address gets one letter: an owner who has a mailbox
 * of the batch is reached by that one.
 */
@Component
public class LetterAudience {

  /** One person to write to, and the mailbox the letter is about. */
  public record Addressee(String address, String mailboxId, String displayName) {}

  private final RecipientStore recipients;

  LetterAudience(RecipientStore recipients) {
    this.recipients = recipients;
  }

  public List<Addressee> of(String migrationId, List<MailboxState> mailboxes) {
    Map<String, StoredRecipient> byAddress = new HashMap<>();
    if (recipients != null) {
      recipients.ofMigration(migrationId).forEach(r -> byAddress.put(lower(r.primaryAddress()), r));
    }
    Map<String, Addressee> addressees = new LinkedHashMap<>();
    List<MailboxState> shared = new ArrayList<>();
    for (MailboxState mailbox : mailboxes) {
      StoredRecipient recipient = byAddress.get(lower(mailbox.emailAddress()));
      RecipientKind kind = recipient == null ? RecipientKind.USER_MAILBOX : recipient.kind();
      if (kind.isResource()) {
        continue;
      }
      if (kind == RecipientKind.SHARED_MAILBOX && !recipient.owners().isEmpty()) {
        shared.add(mailbox);
        continue;
      }
      addressees.putIfAbsent(
          lower(mailbox.emailAddress()),
          new Addressee(mailbox.emailAddress(), mailbox.id(), mailbox.displayName()));
    }
    for (MailboxState mailbox : shared) {
      StoredRecipient recipient = byAddress.get(lower(mailbox.emailAddress()));
      for (String owner : recipient.owners()) {
        addressees.putIfAbsent(
            lower(owner), new Addressee(owner, mailbox.id(), recipient.displayName()));
      }
    }
    return List.copyOf(addressees.values());
  }

  /** Letters to every mailbox's own address, for a store that keeps no recipients. */
  public static LetterAudience mailboxesOnly() {
    return new LetterAudience(null);
  }

  private static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
