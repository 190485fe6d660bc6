package org.cutover.tenant;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the tenant holds for one address, as Microsoft Graph reads it.
 *
 * @param found whether an object with the address exists
 * @param kind what it is: a mailbox's {@code userPurpose} (user, shared, room, equipment), "group"
 *     or "security group" (mail-enabled), "contact", or "mail user" for a user without a mailbox
 * @param proxyAddresses its {@code proxyAddresses}, lower-cased ({@code smtp:…}, {@code x500:…})
 * @param members the mail addresses of a group's direct members, lower-cased
 */
public record TenantRecipient(
    boolean found, String kind, Set<String> proxyAddresses, Set<String> members) {

  public TenantRecipient {
    proxyAddresses = lower(proxyAddresses);
    members = lower(members);
  }

  static TenantRecipient absent() {
    return new TenantRecipient(false, null, Set.of(), Set.of());
  }

  /** Whether the address (without a prefix) is among its SMTP proxy addresses. */
  public boolean receivesAt(String address) {
    return proxyAddresses.contains("smtp:" + address.toLowerCase(Locale.ROOT));
  }

  /** Whether the X500 address (without its prefix) is among its proxy addresses. */
  public boolean hasX500(String address) {
    return proxyAddresses.contains("x500:" + address.toLowerCase(Locale.ROOT));
  }

  private static Set<String> lower(Set<String> values) {
    return values.stream()
        .map(v -> v.strip().toLowerCase(Locale.ROOT))
        .collect(Collectors.toUnmodifiableSet());
  }
}
