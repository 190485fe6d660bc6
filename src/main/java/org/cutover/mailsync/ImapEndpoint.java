package org.cutover.mailsync;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how to reach an IMAP server. Certificates are always validated (against {@code
 * trustStore} when given, else the JVM's trust store) and the host name must match the certificate.
 * {@link ConnectionSecurity#PLAINTEXT} is refused unless {@code plaintextAllowed} is set on
 * purpose.
 *
 * @param host server host name or address
 * @param port TCP port
 * @param security implicit TLS, STARTTLS or (only when allowed) plaintext
 * @param plaintextAllowed must be true for {@link ConnectionSecurity#PLAINTEXT}
 * @param trustStore certificates to trust instead of the JVM's, or null
 * @param maxConcurrentMailboxes how many mailboxes may sync against this server at once
 * @param connectTimeout time allowed to open the TCP connection
 * @param readTimeout time allowed for one server answer
 * @param disabledExtensions IMAP extensions not to use even where the server offers them (for a
 *     server whose implementation is broken), e.g. {@code MULTIAPPEND}, {@code CONDSTORE}
 * @param legacyTlsAllowed true to offer TLS 1.0 and 1.1 besides 1.2 and 1.3 (an Exchange 2007/2010
 *     that speaks nothing newer); off, only TLS 1.2 and 1.3 are offered whatever the JVM allows
 */
public record ImapEndpoint(
    String host,
    int port,
    ConnectionSecurity security,
    boolean plaintextAllowed,
    TrustStore trustStore,
    int maxConcurrentMailboxes,
    Duration connectTimeout,
    Duration readTimeout,
    java.util.Set<String> disabledExtensions,
    boolean legacyTlsAllowed) {

  static final int DEFAULT_MAX_CONCURRENT_MAILBOXES = 10;
  static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(20);
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);

  public ImapEndpoint {
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("IMAP endpoint needs a host name");
    }
    host = host.trim();
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(
          "IMAP port must be 1..65535, got " + port + " for host " + host);
    }
    Objects.requireNonNull(security, "security");
    if (security == ConnectionSecurity.PLAINTEXT && !plaintextAllowed) {
      throw new IllegalArgumentException(
          "Plaintext IMAP to "
              + host
              + ":"
              + port
              + " would send the password unencrypted; use IMPLICIT_TLS or STARTTLS, or allow"
              + " plaintext explicitly for a trusted network");
    }
    if (maxConcurrentMailboxes < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentMailboxes must be at least 1, got " + maxConcurrentMailboxes);
    }
    connectTimeout = positive(connectTimeout, DEFAULT_CONNECT_TIMEOUT, "connectTimeout");
    readTimeout = positive(readTimeout, DEFAULT_READ_TIMEOUT, "readTimeout");
    disabledExtensions =
        disabledExtensions == null
            ? java.util.Set.of()
            : disabledExtensions.stream()
                .map(e -> e.trim().toUpperCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** An endpoint that speaks TLS 1.2 or later only. */
  public ImapEndpoint(
      String host,
      int port,
      ConnectionSecurity security,
      boolean plaintextAllowed,
      TrustStore trustStore,
      int maxConcurrentMailboxes,
      Duration connectTimeout,
      Duration readTimeout,
      java.util.Set<String> disabledExtensions) {
    this(
        host,
        port,
        security,
        plaintextAllowed,
        trustStore,
        maxConcurrentMailboxes,
        connectTimeout,
        readTimeout,
        disabledExtensions,
        false);
  }

  /** The same endpoint, allowed to speak TLS 1.0 and 1.1 or not. */
  public ImapEndpoint withLegacyTls(boolean allowed) {
    return new ImapEndpoint(
        host,
        port,
        security,
        plaintextAllowed,
        trustStore,
        maxConcurrentMailboxes,
        connectTimeout,
        readTimeout,
        disabledExtensions,
        allowed);
  }

  private static Duration positive(Duration value, Duration fallback, String name) {
    if (value == null) {
      return fallback;
    }
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
    return value;
  }

  /** Implicit TLS (usually port 993) with default limits. */
  public static ImapEndpoint implicitTls(String host, int port) {
    return new ImapEndpoint(
        host,
        port,
        ConnectionSecurity.IMPLICIT_TLS,
        false,
        null,
        DEFAULT_MAX_CONCURRENT_MAILBOXES,
        null,
        null,
        null);
  }

  /** STARTTLS (usually port 143) with default limits; refused if the server cannot do TLS. */
  public static ImapEndpoint startTls(String host, int port) {
    return new ImapEndpoint(
        host,
        port,
        ConnectionSecurity.STARTTLS,
        false,
        null,
        DEFAULT_MAX_CONCURRENT_MAILBOXES,
        null,
        null,
        null);
  }

  /** Unencrypted IMAP, allowed explicitly by this call: for loopback and trusted networks only. */
  public static ImapEndpoint plaintextAllowedExplicitly(String host, int port) {
    return new ImapEndpoint(
        host,
        port,
        ConnectionSecurity.PLAINTEXT,
        true,
        null,
        DEFAULT_MAX_CONCURRENT_MAILBOXES,
        null,
        null,
        null);
  }

  public ImapEndpoint withTrustStore(TrustStore store) {
    return new ImapEndpoint(
        host,
        port,
        security,
        plaintextAllowed,
        store,
        maxConcurrentMailboxes,
        connectTimeout,
        readTimeout,
        disabledExtensions,
        legacyTlsAllowed);
  }

  public ImapEndpoint withMaxConcurrentMailboxes(int max) {
    return new ImapEndpoint(
        host,
        port,
        security,
        plaintextAllowed,
        trustStore,
        max,
        connectTimeout,
        readTimeout,
        disabledExtensions,
        legacyTlsAllowed);
  }

  public ImapEndpoint withTimeouts(Duration connect, Duration read) {
    return new ImapEndpoint(
        host,
        port,
        security,
        plaintextAllowed,
        trustStore,
        maxConcurrentMailboxes,
        connect,
        read,
        disabledExtensions,
        legacyTlsAllowed);
  }

  /** The same endpoint without using these IMAP extensions. */
  public ImapEndpoint withDisabledExtensions(String... extensions) {
    return new ImapEndpoint(
        host,
        port,
        security,
        plaintextAllowed,
        trustStore,
        maxConcurrentMailboxes,
        connectTimeout,
        readTimeout,
        java.util.Set.of(extensions),
        legacyTlsAllowed);
  }

  /** {@code host:port}, for messages and for the per-endpoint concurrency limit. */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
