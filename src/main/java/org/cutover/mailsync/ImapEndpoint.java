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
        null,
        false);
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
        null,
        false);
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
        null,
        false);
  }

  /** {@code host:port}, for messages and for the per-endpoint concurrency limit. */
  public String address() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  /** A builder that starts from this endpoint: the one way to copy it with changes. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** An endpoint changed one setting at a time; {@link #build()} checks it as the record does. */
  public static final class Builder {
    private final String host;
    private final int port;
    private final ConnectionSecurity security;
    private final boolean plaintextAllowed;
    private TrustStore trustStore;
    private int maxConcurrentMailboxes;
    private Duration connectTimeout;
    private Duration readTimeout;
    private java.util.Set<String> disabledExtensions;
    private boolean legacyTlsAllowed;

    private Builder(ImapEndpoint from) {
      host = from.host;
      port = from.port;
      security = from.security;
      plaintextAllowed = from.plaintextAllowed;
      trustStore = from.trustStore;
      maxConcurrentMailboxes = from.maxConcurrentMailboxes;
      connectTimeout = from.connectTimeout;
      readTimeout = from.readTimeout;
      disabledExtensions = from.disabledExtensions;
      legacyTlsAllowed = from.legacyTlsAllowed;
    }

    /** Certificates to trust instead of the JVM's (null = the JVM's). */
    public Builder trustStore(TrustStore store) {
      trustStore = store;
      return this;
    }

    public Builder maxConcurrentMailboxes(int max) {
      maxConcurrentMailboxes = max;
      return this;
    }

    /** Time to open the connection and to wait for one answer (null = the default). */
    public Builder timeouts(Duration connect, Duration read) {
      connectTimeout = connect;
      readTimeout = read;
      return this;
    }

    /** IMAP extensions not to use even where the server offers them, instead of those set. */
    public Builder disabledExtensions(String... extensions) {
      disabledExtensions = java.util.Set.of(extensions);
      return this;
    }

    /** Whether TLS 1.0 and 1.1 are offered besides 1.2 and 1.3. */
    public Builder legacyTls(boolean allowed) {
      legacyTlsAllowed = allowed;
      return this;
    }

    public ImapEndpoint build() {
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
          legacyTlsAllowed);
    }
  }
}
