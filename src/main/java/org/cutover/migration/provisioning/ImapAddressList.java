package org.cutover.migration.provisioning;

import java.util.List;
import org.cutover.migration.recipients.StoredRecipient;

/**
 * For an IMAP host: the addresses to create, per mailbox (its aliases) and per group or contact
 * (where its mail goes). An IMAP host has no interface Cutover could check them through; the proof
 * at the new MX asks for each before the swap.
 */
final class ImapAddressList {

  private ImapAddressList() {}

  /** The addresses the administrator creates for the recipient; empty when nothing beyond it. */
  static List<String> toCreate(StoredRecipient recipient, String domain) {
    List<String> addresses = TargetGaps.domainAddresses(recipient, domain);
    if (!recipient.kind().hasMailbox()) {
      return addresses;
    }
    // The mailbox's own address is the mailbox, which the sync signs in to.
    return addresses.stream().filter(a -> !a.equalsIgnoreCase(recipient.primaryAddress())).toList();
  }

  /** The list; empty when no recipient needs an address created. */
  static String render(String migrationId, String domain, List<StoredRecipient> recipients) {
    StringBuilder text = new StringBuilder();
    for (StoredRecipient recipient : recipients) {
      List<String> addresses = toCreate(recipient, domain);
      if (addresses.isEmpty()) {
        continue;
      }
      text.append('\n')
          .append(recipient.primaryAddress())
          .append(" (")
          .append(RecipientNames.kind(recipient.kind()))
          .append(")");
      if (recipient.kind().isGroup()) {
        text.append(", delivering to ").append(String.join(", ", recipient.members()));
      } else if (!recipient.kind().hasMailbox() && recipient.externalAddress() != null) {
        text.append(", forwarding to ").append(recipient.externalAddress());
      }
      text.append('\n');
      addresses.forEach(a -> text.append("  ").append(a).append('\n'));
    }
    if (text.isEmpty()) {
      return "";
    }
    return "Addresses to create at the IMAP host for "
        + domain
        + " (migration "
        + migrationId
        + "): each must deliver to the mailbox (or the members, or the outside address) named"
        + " above it. Before the swap Cutover asks the new mail exchanger for every one.\n"
        + text;
  }
}
