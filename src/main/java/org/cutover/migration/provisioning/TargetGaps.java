package org.cutover.migration.provisioning;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.cutover.directory.Recipient;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.recipients.StoredRecipient;
import org.cutover.tenant.TenantRecipient;

/** Compares a recipient with what the target holds for it. */
final class TargetGaps {

  private TargetGaps() {}

  /** Whether the target must hold the recipient: every recipient but a mailbox left out. */
  static boolean provisioned(StoredRecipient recipient) {
    return !(recipient.kind().hasMailbox() && recipient.excludedReason() != null);
  }

  /** The address the target is asked about: a contact's outside address, else the primary. */
  static String lookupAddress(StoredRecipient recipient) {
    return recipient.kind() == RecipientKind.MAIL_CONTACT && recipient.externalAddress() != null
        ? recipient.externalAddress()
        : recipient.primaryAddress();
  }

  /** The SMTP addresses in the migrated domain the recipient receives mail at. */
  static List<String> domainAddresses(StoredRecipient recipient, String domain) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> addresses = new ArrayList<>();
    for (String address : recipient.smtpAddresses()) {
      if (Recipient.inDomain(address, domain) && seen.add(address.toLowerCase(Locale.ROOT))) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  /** Its X500 addresses with its legacyExchangeDN, which Outlook's cached replies use. */
  static List<String> x500(StoredRecipient recipient) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> addresses = new ArrayList<>();
    List<String> all = new ArrayList<>(recipient.x500());
    if (recipient.legacyExchangeDn() != null && !recipient.legacyExchangeDn().isBlank()) {
      all.add(recipient.legacyExchangeDn().strip());
    }
    for (String address : all) {
      if (seen.add(address.toLowerCase(Locale.ROOT))) {
        addresses.add(address);
      }
    }
    return addresses;
  }

  static RecipientGap of(StoredRecipient recipient, String domain, TenantRecipient target) {
    // Found by its primary address (user principal name, group or contact mail), or created
    // with it: only the other addresses need a look.
    List<String> aliases =
        domainAddresses(recipient, domain).stream()
            .filter(a -> !a.equalsIgnoreCase(recipient.primaryAddress()))
            .toList();
    List<String> x500 = x500(recipient);
    List<String> members = recipient.kind().isGroup() ? recipient.members() : List.of();
    if (!target.found()) {
      return new RecipientGap(recipient, true, false, aliases, x500, members);
    }
    String expected = purpose(recipient.kind());
    boolean wrongType = expected != null && !expected.equalsIgnoreCase(target.kind());
    return new RecipientGap(
        recipient,
        false,
        wrongType,
        aliases.stream().filter(a -> !target.receivesAt(a)).toList(),
        x500.stream().filter(x -> !target.hasX500(x)).toList(),
        members.stream()
            .filter(m -> !target.members().contains(m.toLowerCase(Locale.ROOT)))
            .toList());
  }

  /** The mailbox's userPurpose in Graph that the kind needs, or null where Graph has none. */
  private static String purpose(RecipientKind kind) {
    return switch (kind) {
      case USER_MAILBOX -> "user";
      case SHARED_MAILBOX -> "shared";
      case ROOM_MAILBOX -> "room";
      case EQUIPMENT_MAILBOX -> "equipment";
      default -> null;
    };
  }
}
