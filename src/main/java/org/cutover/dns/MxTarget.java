package org.cutover.dns;

import java.net.InetAddress;
import java.util.Comparator;

/**
 * One mail exchanger: a preference (lower is tried first) and a host name. The host must be a name,
 * never an address (RFC 5321 §5.1); take it verbatim from the tenant's service records.
 */
public record MxTarget(int preference, String host) implements Comparable<MxTarget> {

  public MxTarget {
    if (preference < 0 || preference > 65535) {
      throw new IllegalArgumentException(
          "MX preference " + preference + " is outside 0..65535 for " + host);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("An MX record needs a host name");
    }
    if (looksLikeAddress(host.strip())) {
      throw new IllegalArgumentException(
          "MX host '" + host + "' is an IP address; an MX record must name a host (RFC 5321)");
    }
    host = DnsNames.absolute(host);
  }

  /** Reads {@code "0 contoso-com.mail.protection.outlook.com"} (preference, space, host). */
  public static MxTarget parse(String text) {
    String[] parts = text == null ? new String[0] : text.strip().split("\\s+");
    if (parts.length != 2) {
      throw new IllegalArgumentException(
          "'" + text + "' is not an MX value; write the preference and the host, e.g. '0 host'");
    }
    try {
      return new MxTarget(Integer.parseInt(parts[0]), parts[1]);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + parts[0] + "' in '" + text + "' is not a number", e);
    }
  }

  /** The value in zone-file form, e.g. {@code 0 contoso-com.mail.protection.outlook.com.}. */
  public String value() {
    return preference + " " + host;
  }

  @Override
  public int compareTo(MxTarget other) {
    return Comparator.comparingInt(MxTarget::preference)
        .thenComparing(MxTarget::host)
        .compare(this, other);
  }

  private static boolean looksLikeAddress(String host) {
    if (host.contains(":")) {
      return true;
    }
    if (!host.matches("[0-9.]+")) {
      return false;
    }
    try {
      InetAddress.getByName(host);
      return true;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }
}
