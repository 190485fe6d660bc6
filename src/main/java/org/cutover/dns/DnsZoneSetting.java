package org.cutover.dns;

/** A migration's DNS setting that a {@link DnsZoneProvider} may need besides the zone. */
public enum DnsZoneSetting {
  /** The server changes go to, {@code host[:port]} ({@code dns.server}). */
  SERVER,
  /** The key or token changes are made with, stored encrypted ({@code dns.credentials}). */
  CREDENTIAL
}
