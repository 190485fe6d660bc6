package org.cutover.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A recipient's addresses as Exchange keeps them in {@code proxyAddresses}: {@code SMTP:} marks the
 * primary address, {@code smtp:} an alias, {@code X500:} (either case) an old Exchange address that
 * Outlook's cached replies still use. Other types (SIP:, X400:, EUM:) carry no mail and are left
 * out.
 *
 * @param primary the primary SMTP address, or null when there is none
 * @param aliases the other SMTP addresses, without the primary, in the order given
 * @param x500 the X500 addresses without their prefix
 */
public record ProxyAddresses(String primary, List<String> aliases, List<String> x500) {

  public ProxyAddresses {
    aliases = List.copyOf(aliases);
    x500 = List.copyOf(x500);
  }

  /**
   * Reads proxyAddresses values; {@code mail} stands in for the primary when no value is marked
   * {@code SMTP:} (a plain LDAP server, or a directory that keeps only {@code mail}).
   */
  public static ProxyAddresses parse(List<String> values, String mail) {
    String primary = null;
    Set<String> smtp = new LinkedHashSet<>();
    Set<String> x500 = new LinkedHashSet<>();
    for (String raw : values) {
      String value = raw == null ? "" : raw.strip();
      int colon = value.indexOf(':');
      if (colon <= 0 || colon == value.length() - 1) {
        continue;
      }
      String prefix = value.substring(0, colon);
      String address = value.substring(colon + 1).strip();
      if (prefix.equals("SMTP") && primary == null) {
        primary = address;
      } else if (prefix.equalsIgnoreCase("smtp")) {
        smtp.add(address);
      } else if (prefix.equalsIgnoreCase("x500")) {
        x500.add(address);
      }
    }
    if (primary == null && mail != null && !mail.isBlank()) {
      primary = mail.strip();
    }
    List<String> aliases = new ArrayList<>();
    for (String address : smtp) {
      if (primary == null) {
        primary = address;
      } else if (!address.equalsIgnoreCase(primary)) {
        aliases.add(address);
      }
    }
    return new ProxyAddresses(primary, dedupe(aliases), List.copyOf(x500));
  }

  private static List<String> dedupe(List<String> addresses) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> kept = new ArrayList<>();
    for (String address : addresses) {
      if (seen.add(address.toLowerCase(Locale.ROOT))) {
        kept.add(address);
      }
    }
    return kept;
  }
}
