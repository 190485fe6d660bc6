package org.cutover.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * The batch a discovery proposes for a domain: the mailboxes to migrate (user mailboxes that are
 * enabled, and shared mailboxes, whose primary address is in the domain) and those left out with
 * the reason. Groups, contacts and mail users are kept as recipients, for their addresses.
 */
public record BatchProposal(List<Recipient> mailboxes, List<Excluded> excluded) {

  /** A recipient or entry that is not migrated, and why. */
  public record Excluded(
      String distinguishedName, String name, RecipientKind kind, ExclusionReason reason) {}

  public BatchProposal {
    mailboxes = List.copyOf(mailboxes);
    excluded = List.copyOf(excluded);
  }

  public static BatchProposal of(Discovery discovery, String domain) {
    List<Recipient> mailboxes = new ArrayList<>();
    List<Excluded> excluded = new ArrayList<>();
    for (Recipient recipient : discovery.recipients()) {
      ExclusionReason reason = reasonToLeaveOut(recipient, domain);
      if (reason == null) {
        mailboxes.add(recipient);
      } else if (!recipient.kind().isGroup()) {
        excluded.add(
            new Excluded(
                recipient.distinguishedName(),
                recipient.primaryAddress(),
                recipient.kind(),
                reason));
      }
    }
    for (SkippedEntry skipped : discovery.skipped()) {
      excluded.add(
          new Excluded(skipped.distinguishedName(), skipped.name(), null, skipped.reason()));
    }
    return new BatchProposal(mailboxes, excluded);
  }

  /** Why the recipient's mailbox is not migrated, or null when it is. */
  public static ExclusionReason reasonToLeaveOut(Recipient recipient, String domain) {
    return switch (recipient.kind()) {
      case ROOM_MAILBOX -> ExclusionReason.ROOM_MAILBOX;
      case EQUIPMENT_MAILBOX -> ExclusionReason.EQUIPMENT_MAILBOX;
      case MAIL_CONTACT, MAIL_USER, DISTRIBUTION_GROUP, SECURITY_GROUP ->
          ExclusionReason.NO_MAILBOX;
      case USER_MAILBOX, SHARED_MAILBOX -> {
        if (!Recipient.inDomain(recipient.primaryAddress(), domain)) {
          yield ExclusionReason.OUTSIDE_DOMAIN;
        }
        // A shared mailbox's account is disabled by design: only a user's counts.
        yield recipient.kind() == RecipientKind.USER_MAILBOX && recipient.disabled()
            ? ExclusionReason.DISABLED
            : null;
      }
    };
  }
}
