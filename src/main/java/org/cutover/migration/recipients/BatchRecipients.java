package org.cutover.migration.recipients;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cutover.directory.ExclusionReason;
import org.cutover.directory.Recipient;
import org.cutover.directory.RecipientKind;
import org.cutover.migration.MailboxEntry;
import org.cutover.migration.NewMigration;
import org.springframework.stereotype.Service;

/**
 * Stores a new migration's recipients in the registration's transaction: the recipients of the
 * directory discovery it names, and a user mailbox recipient for each listed mailbox the discovery
 * did not have, with the aliases the list gives. Each mailbox is then linked to its recipient.
 */
@Service
public class BatchRecipients {

  /** Why a migration cannot take the discovery it names. */
  public enum DiscoveryRefusal {
    UNKNOWN("cutover.discovery.unknown"),
    TAKEN("cutover.discovery.taken"),
    OTHER_DOMAIN("cutover.discovery.domain"),
    AWAITING_REVIEW("cutover.discovery.review");

    private final String messageKey;

    DiscoveryRefusal(String messageKey) {
      this.messageKey = messageKey;
    }

    /** The key of the message that says what to do. */
    public String messageKey() {
      return messageKey;
    }
  }

  private final RecipientStore store;

  BatchRecipients(RecipientStore store) {
    this.store = store;
  }

  /** Why the settings' discovery cannot be taken, or null when they name none or it can. */
  public DiscoveryRefusal refusal(NewMigration settings) {
    if (settings.discoveryId() == null) {
      return null;
    }
    var discovery = store.discovery(settings.discoveryId());
    if (discovery.isEmpty()) {
      return DiscoveryRefusal.UNKNOWN;
    }
    if (discovery.get().migrationId() != null) {
      return DiscoveryRefusal.TAKEN;
    }
    if (discovery.get().awaitingReview()) {
      return DiscoveryRefusal.AWAITING_REVIEW;
    }
    return discovery.get().domain().equalsIgnoreCase(settings.domain())
        ? null
        : DiscoveryRefusal.OTHER_DOMAIN;
  }

  /** The newest accepted discovery of the domain that no migration took yet. */
  public Optional<String> newestUsable(String domain) {
    return store.newestUsable(domain);
  }

  /**
   * The mailboxes a discovery proposes, less those the administrator left out: the batch a
   * migration that names it without a mailbox list migrates. Empty when there is no such discovery.
   */
  public List<MailboxEntry> proposedMailboxes(String discoveryId) {
    return store.ofDiscovery(discoveryId).stream()
        .filter(r -> r.excludedReason() == null && r.kind().hasMailbox())
        .map(r -> new MailboxEntry(r.primaryAddress(), null, r.displayName()))
        .toList();
  }

  /**
   * @throws IllegalStateException when another migration took the named discovery since {@link
   *     #refusal} was asked; the registration's transaction then stores nothing
   */
  public void record(String migrationId, NewMigration settings) {
    if (settings.discoveryId() != null && !store.claim(settings.discoveryId(), migrationId)) {
      throw new IllegalStateException(
          "Directory discovery "
              + settings.discoveryId()
              + " was taken by another migration while this one registered; run a new discovery");
    }
    List<StoredRecipient> known = store.ofMigration(migrationId);
    Map<String, StoredRecipient> byPrimary = new HashMap<>();
    known.forEach(r -> byPrimary.put(lower(r.primaryAddress()), r));
    Set<String> listed = new HashSet<>();
    int position = known.size();
    for (MailboxEntry mailbox : settings.mailboxes()) {
      String address = lower(mailbox.emailAddress());
      listed.add(address);
      StoredRecipient recipient = byPrimary.get(address);
      if (recipient == null) {
        store.add(migrationId, position++, handGiven(mailbox));
        continue;
      }
      Set<String> has = new HashSet<>();
      recipient.smtpAddresses().forEach(a -> has.add(lower(a)));
      store.addAliases(
          recipient, mailbox.aliases().stream().filter(a -> !has.contains(lower(a))).toList());
      if (recipient.excludedReason() != null) {
        // The administrator listed it after all: its mailbox is migrated.
        store.exclude(recipient.id(), null);
      }
    }
    for (StoredRecipient recipient : known) {
      if (recipient.excludedReason() == null
          && recipient.kind().hasMailbox()
          && !listed.contains(lower(recipient.primaryAddress()))) {
        store.exclude(recipient.id(), ExclusionReason.NOT_LISTED);
      }
    }
    store.linkMailboxes(migrationId);
  }

  private static Recipient handGiven(MailboxEntry mailbox) {
    return new Recipient(
        null,
        RecipientKind.USER_MAILBOX,
        mailbox.displayName(),
        mailbox.emailAddress(),
        mailbox.aliases(),
        List.of(),
        null,
        null,
        List.of(),
        List.of(),
        false);
  }

  private static String lower(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
