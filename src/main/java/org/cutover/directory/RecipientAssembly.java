package org.cutover.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the entries of one search into recipients: classifies each, reads its addresses, and names
 * owners and members by their primary address where the search found them (a member outside the
 * search, or without mail, is left out: nothing is sent to it).
 */
final class RecipientAssembly {

  /** Attributes that name a recipient's owners or full-access holders by DN. */
  static final List<String> OWNER_ATTRIBUTES =
      List.of("managedBy", "msExchCoManagedByLink", "msExchDelegateListLink", "owner");

  /** Attributes that name a group's members by DN. */
  static final List<String> MEMBER_ATTRIBUTES = List.of("member", "uniqueMember");

  private RecipientAssembly() {}

  static Discovery assemble(List<DirectoryEntry> entries) {
    Map<String, String> primaryByDn = new HashMap<>();
    Map<DirectoryEntry, RecipientKind> kinds = new java.util.LinkedHashMap<>();
    Map<DirectoryEntry, ProxyAddresses> addresses = new HashMap<>();
    List<SkippedEntry> skipped = new ArrayList<>();
    for (DirectoryEntry entry : entries) {
      RecipientClassifier.Classification classification = RecipientClassifier.classify(entry);
      ProxyAddresses parsed =
          ProxyAddresses.parse(entry.values("proxyAddresses"), entry.value("mail"));
      if (classification instanceof RecipientClassifier.NotRecipient notRecipient) {
        skipped.add(new SkippedEntry(entry.dn(), name(entry, parsed), notRecipient.reason()));
        continue;
      }
      if (parsed.primary() == null) {
        skipped.add(new SkippedEntry(entry.dn(), name(entry, parsed), ExclusionReason.NO_MAILBOX));
        continue;
      }
      kinds.put(entry, ((RecipientClassifier.Kind) classification).kind());
      addresses.put(entry, parsed);
      primaryByDn.put(normalDn(entry.dn()), parsed.primary());
    }
    List<Recipient> recipients = new ArrayList<>();
    kinds.forEach(
        (entry, kind) -> {
          ProxyAddresses parsed = addresses.get(entry);
          recipients.add(
              new Recipient(
                  entry.dn(),
                  kind,
                  entry.value("displayName") != null
                      ? entry.value("displayName")
                      : entry.value("cn"),
                  parsed.primary(),
                  parsed.aliases(),
                  parsed.x500(),
                  entry.value("legacyExchangeDN"),
                  externalAddress(entry),
                  resolve(entry, OWNER_ATTRIBUTES, primaryByDn),
                  kind.isGroup() ? resolve(entry, MEMBER_ATTRIBUTES, primaryByDn) : List.of(),
                  RecipientClassifier.disabled(entry)));
        });
    return new Discovery(recipients, skipped);
  }

  /** targetAddress (AD: "SMTP:someone@elsewhere") of a contact or mail user. */
  private static String externalAddress(DirectoryEntry entry) {
    String target = entry.value("targetAddress");
    if (target == null) {
      return null;
    }
    int colon = target.indexOf(':');
    return colon >= 0 ? target.substring(colon + 1).strip() : target.strip();
  }

  private static List<String> resolve(
      DirectoryEntry entry, List<String> attributes, Map<String, String> primaryByDn) {
    List<String> resolved = new ArrayList<>();
    for (String attribute : attributes) {
      for (String dn : entry.values(attribute)) {
        String address = primaryByDn.get(normalDn(dn));
        if (address != null && !resolved.contains(address)) {
          resolved.add(address);
        }
      }
    }
    return resolved;
  }

  private static String name(DirectoryEntry entry, ProxyAddresses parsed) {
    if (entry.value("displayName") != null) {
      return entry.value("displayName");
    }
    return parsed.primary() != null ? parsed.primary() : entry.value("cn");
  }

  /** DNs compared without regard to case or blanks after commas, as directories write them. */
  static String normalDn(String dn) {
    try {
      return new com.unboundid.ldap.sdk.DN(dn).toNormalizedString();
    } catch (com.unboundid.ldap.sdk.LDAPException notADn) {
      return dn.strip().toLowerCase(Locale.ROOT);
    }
  }
}
