package org.cutover.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One recipient read from the directory.
 *
 * @param distinguishedName where the directory keeps it
 * @param kind what it is
 * @param displayName its name in the address book (may be null)
 * @param primaryAddress the address mail is sent from and replied to
 * @param aliases the other SMTP addresses it receives mail at
 * @param x500 old Exchange addresses (without the X500: prefix)
 * @param legacyExchangeDn the Exchange DN that Outlook's cached addresses use (may be null)
 * @param externalAddress where a contact's or mail user's mail goes (may be null)
 * @param owners primary addresses of those who manage it or hold full access, where named
 * @param members primary addresses of a group's members
 * @param disabled whether its account is disabled
 */
public record Recipient(
    String distinguishedName,
    RecipientKind kind,
    String displayName,
    String primaryAddress,
    List<String> aliases,
    List<String> x500,
    String legacyExchangeDn,
    String externalAddress,
    List<String> owners,
    List<String> members,
    boolean disabled) {

  public Recipient {
    aliases = List.copyOf(aliases);
    x500 = List.copyOf(x500);
    owners = List.copyOf(owners);
    members = List.copyOf(members);
  }

  /** The primary address and the aliases: every SMTP address the recipient receives mail at. */
  public List<String> smtpAddresses() {
    List<String> all = new ArrayList<>();
    if (primaryAddress != null) {
      all.add(primaryAddress);
    }
    all.addAll(aliases);
    return all;
  }

  /** Whether an address is in the domain or a subdomain of it. */
  public static boolean inDomain(String address, String domain) {
    String lower = address.toLowerCase(Locale.ROOT);
    String lowerDomain = domain.toLowerCase(Locale.ROOT);
    return lower.endsWith("@" + lowerDomain) || lower.endsWith("." + lowerDomain);
  }
}
