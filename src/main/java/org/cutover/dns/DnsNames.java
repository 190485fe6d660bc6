package org.cutover.dns;

import java.net.IDN;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/** Turns the names people type into absolute, lower-case DNS names with the trailing dot. */
public final class DnsNames {

  private DnsNames() {}

  /**
   * The absolute form of {@code name} ({@code "Contoso.com"} becomes {@code "contoso.com."});
   * international names become their ASCII (punycode) form.
   *
   * @throws IllegalArgumentException naming the bad value when it is not a valid DNS name
   */
  public static String absolute(String name) {
    return toName(name).toString();
  }

  /** {@code label} below {@code domain}; {@code "@"} or an empty label is the domain itself. */
  public static String below(String label, String domain) {
    if (label == null || label.isBlank() || label.strip().equals("@")) {
      return absolute(domain);
    }
    String trimmed = label.strip();
    if (trimmed.endsWith(".")) {
      return absolute(trimmed);
    }
    return absolute(trimmed + "." + absolute(domain));
  }

  /** {@code name} as a dnsjava name (absolute, lower case). */
  public static Name toName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A DNS name is required but was empty");
    }
    String ascii;
    try {
      ascii = IDN.toASCII(name.strip(), IDN.ALLOW_UNASSIGNED);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + name + "' is not a valid DNS name", e);
    }
    try {
      return Name.fromString(ascii.toLowerCase(Locale.ROOT), Name.root).canonicalize();
    } catch (TextParseException e) {
      throw new IllegalArgumentException(
          "'" + name + "' is not a valid DNS name: " + e.getMessage(), e);
    }
  }

  /** Whether {@code name} is {@code zone} or lies below it. */
  public static boolean isWithin(String name, String zone) {
    return toName(name).subdomain(toName(zone));
  }
}
