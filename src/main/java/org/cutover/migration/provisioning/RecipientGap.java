package org.cutover.migration.provisioning;

import java.util.ArrayList;
import java.util.List;
import org.cutover.migration.recipients.StoredRecipient;

/**
 * What the target lacks for one recipient.
 *
 * @param absent the target has no object with the recipient's address
 * @param wrongType a mailbox of another type (a user mailbox where a shared one belongs)
 * @param aliases SMTP addresses to add
 * @param x500 X500 addresses to add, without their prefix
 * @param members group members to add, by primary address
 */
record RecipientGap(
    StoredRecipient recipient,
    boolean absent,
    boolean wrongType,
    List<String> aliases,
    List<String> x500,
    List<String> members) {

  RecipientGap {
    aliases = List.copyOf(aliases);
    x500 = List.copyOf(x500);
    members = List.copyOf(members);
  }

  boolean isEmpty() {
    return !absent && !wrongType && aliases.isEmpty() && x500.isEmpty() && members.isEmpty();
  }

  /** What is missing, one item a line. */
  List<String> items() {
    List<String> items = new ArrayList<>();
    if (absent) {
      items.add("not at the target");
    }
    if (wrongType) {
      items.add(RecipientNames.kind(recipient.kind()) + " type");
    }
    aliases.forEach(a -> items.add("alias " + a));
    x500.forEach(x -> items.add("X500 " + x));
    members.forEach(m -> items.add("member " + m));
    return items;
  }

  /** "sales@contoso.com (shared mailbox): alias s@contoso.com, X500 /o=…". */
  String line() {
    return recipient.primaryAddress()
        + " ("
        + RecipientNames.kind(recipient.kind())
        + "): "
        + String.join(", ", items());
  }
}
