package org.cutover.dns;

/**
 * A migration's DNS settings as a {@link DnsZoneProvider} sees them.
 *
 * @param zone the zone holding the domain, e.g. {@code contoso.com}
 * @param server {@code host[:port]} of the server changes go to, or null when not given
 * @param credential the stored key or token, or null when not given
 */
public record DnsZoneSettings(String zone, String server, DnsCredential credential) {

  /** Whether the setting has a value. */
  public boolean has(DnsZoneSetting setting) {
    return switch (setting) {
      case SERVER -> server != null && !server.isBlank();
      case CREDENTIAL -> credential != null;
    };
  }

  @Override
  public String toString() {
    return "DnsZoneSettings[zone="
        + zone
        + ", server="
        + server
        + ", credential="
        + (credential == null ? "none" : "given")
        + "]";
  }
}
