package org.cutover.migration;

/** Regular expressions of the settings rules, used in constraint annotations. */
final class SettingsPatterns {

  private static final String LABEL = "(?!-)[A-Za-z0-9-]{1,63}(?<!-)";
  private static final String IPV6 = "[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*";

  /** A DNS domain name with at least two labels, such as contoso.com. */
  static final String DOMAIN = "(?:" + LABEL + "\\.)+(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})";

  /** A host name (one label or more) or an IP address. */
  static final String HOST = "(?:" + LABEL + "(?:\\." + LABEL + ")*|" + IPV6 + ")";

  /** A host name or IP address, optionally with a port (not for IPv6). */
  static final String HOST_AND_PORT =
      "(?:" + LABEL + "(?:\\." + LABEL + ")*(?::[0-9]{1,5})?|" + IPV6 + ")";

  /** One mail exchanger as "preference host", such as "10 mx.newhost.example". */
  static final String MX_HOST = "[0-9]{1,5} +" + DOMAIN + "\\.?";

  /** The name of a DNS provider, as {@code dns.provider} gives it. */
  static final String DNS_PROVIDER = "[A-Za-z0-9_-]{1,40}";

  static final String BATCH_NAME = "[A-Za-z0-9_-]+";

  /**
   * Text that names something (a display name, a login, a credential's name): no control or
   * invisible formatting characters (line breaks, tabs, NUL, bidirectional overrides), no markup.
   */
  static final String PLAIN_TEXT = "[^\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}<>]*";

  /** Whether the port of a {@link #HOST_AND_PORT} value, if it has one, is from 1 to 65535. */
  static boolean portInRange(String hostAndPort) {
    int colon = hostAndPort.lastIndexOf(':');
    if (colon < 0 || hostAndPort.indexOf(':') != colon) {
      return true; // no port, or an IPv6 address
    }
    String digits = hostAndPort.substring(colon + 1);
    if (digits.isEmpty() || digits.length() > 5 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int port = Integer.parseInt(digits);
    return port >= 1 && port <= 65535;
  }

  static final String GUID =
      "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

  /** An email address whose domain has a dot; the address itself is checked by @Email. */
  static final String EMAIL = ".+@.+\\..+";

  private SettingsPatterns() {}
}
