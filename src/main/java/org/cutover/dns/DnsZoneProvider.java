package org.cutover.dns;

import java.util.List;
import java.util.Set;

/**
 * A DNS host whose zones Cutover changes: one Spring bean per provider, found by {@link
 * DnsZoneProviders} under the name a migration gives as {@code dns.provider}. A new DNS host is one
 * class implementing this (with its {@link DnsZone}) and its test; nothing else names it.
 *
 * <p>A provider says which settings it needs besides the zone ({@link #required()}), checks their
 * values when a migration is registered ({@link #check}) and opens the zone of one migration when a
 * DNS step runs ({@link #open}).
 */
public interface DnsZoneProvider {

  /**
   * The name a migration gives as {@code dns.provider}: lower-case letters, digits, '-' and '_',
   * such as {@code rfc2136}.
   */
  String name();

  /** The settings this provider cannot work without, besides the zone. */
  Set<DnsZoneSetting> required();

  /**
   * What is wrong with the values given; empty when the zone can be opened with them. Called only
   * when every {@link #required()} setting is given. It may read the credential (and must never
   * repeat it); when the credential cannot be read it lets {@link DnsCredential.Unreadable} pass.
   */
  List<DnsSettingProblem> check(DnsZoneSettings settings);

  /**
   * The migration's zone, for one DNS step. The settings have passed {@link #check}; the credential
   * is best read only when a request is made.
   *
   * @throws IllegalArgumentException when the settings cannot be used after all, saying why
   */
  DnsZone open(DnsZoneSettings settings);
}
