package org.cutover.mailsync;

import java.security.Security;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which TLS versions a connection offers. TLS 1.2 and 1.3 always; TLS 1.0 and 1.1 only for an
 * endpoint that allows them on purpose. The JVM's own list of refused algorithms (the security
 * property {@code jdk.tls.disabledAlgorithms}, which lists TLSv1 and TLSv1.1 in Java 17) applies to
 * every connection of the process and cannot be loosened for one connection: for an endpoint that
 * allows them to get them, the JVM must be started with that property without them ({@code
 * -Djava.security.properties=FILE}); every other endpoint still offers only TLS 1.2 and 1.3.
 */
public final class LegacyTls {

  static final String PROPERTY = "jdk.tls.disabledAlgorithms";
  private static final List<String> MODERN = List.of("TLSv1.3", "TLSv1.2");
  private static final List<String> LEGACY = List.of("TLSv1.1", "TLSv1");

  private LegacyTls() {}

  /** The protocols a connection to {@code endpoint} offers, as the mail library's setting. */
  static String protocols(ImapEndpoint endpoint) {
    return String.join(" ", endpoint.legacyTlsAllowed() ? all() : MODERN);
  }

  private static List<String> all() {
    return java.util.stream.Stream.concat(MODERN.stream(), LEGACY.stream()).toList();
  }

  /** The TLS versions below 1.2 this JVM refuses for every connection, empty when none. */
  public static List<String> refusedByJvm() {
    String value = Security.getProperty(PROPERTY);
    if (value == null) {
      return List.of();
    }
    Set<String> refused =
        Arrays.stream(value.split(","))
            .map(s -> s.strip().toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    return LEGACY.stream().filter(p -> refused.contains(p.toUpperCase(Locale.ROOT))).toList();
  }

  /**
   * A warning for an endpoint that allows TLS 1.0/1.1: weaker protection, and whether this JVM lets
   * it happen at all.
   */
  public static String warning(String where) {
    List<String> refused = refusedByJvm();
    String warning =
        where
            + " may use TLS 1.0 and 1.1, which are outdated and weaker than TLS 1.2: turn"
            + " allowLegacyTls off as soon as the server speaks TLS 1.2";
    if (refused.isEmpty()) {
      return warning;
    }
    return warning
        + ". This JVM still refuses "
        + String.join(" and ", refused)
        + " for every connection ("
        + PROPERTY
        + " in its java.security), so TLS 1.2 is required all the same: start Cutover with"
        + " -Djava.security.properties=FILE, the FILE setting "
        + PROPERTY
        + " to the JVM's list without TLSv1 and TLSv1.1";
  }
}
