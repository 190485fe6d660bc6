package org.cutover.mailsync;

import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One logged-in IMAP connection (an Angus {@link IMAPStore} and its store connection). Not
 * thread-safe: one worker uses it at a time. Any lost connection makes it unusable; open a new one.
 */
final class ImapSession implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ImapSession.class);

  private final IMAPStore store;
  private final IMAPFolder handle;
  private final String label;
  private final ImapEndpoint endpoint;
  private final CertificateRecorder tls;

  /** When the access token this session logged in with expires, or null when unknown or none. */
  private volatile java.time.Instant loginExpiresAt;

  private Set<String> capabilities;

  ImapSession(IMAPStore store, String label, ImapEndpoint endpoint, CertificateRecorder tls)
      throws MessagingException {
    this.store = store;
    this.handle = (IMAPFolder) store.getFolder("INBOX");
    this.label = label;
    this.endpoint = endpoint;
    this.tls = tls;
  }

  /** {@code source user@host:port} or {@code target …}, for messages. */
  String label() {
    return label;
  }

  /** The server this connection talks to. */
  ImapEndpoint endpoint() {
    return endpoint;
  }

  /** Runs {@code work} on the connection; {@code what} names it in error messages. */
  @SuppressWarnings("unchecked")
  <T> T call(String what, ProtocolWork<T> work) {
    try {
      return (T) handle.doCommand(work::run);
    } catch (StoreClosedException | FolderClosedException e) {
      throw ImapFailures.connectionLost(label, what, e).onServer(endpoint);
    } catch (MessagingException e) {
      throw ImapFailures.fromCommand(label, what, e).onServer(endpoint);
    }
  }

  /** The server's capabilities after login, upper case. */
  Set<String> capabilities() {
    if (capabilities == null) {
      capabilities =
          call(
              "CAPABILITY",
              p -> {
                Set<String> caps = new TreeSet<>();
                Map<String, String> all = p.getCapabilities();
                all.keySet().forEach(c -> caps.add(c.toUpperCase(Locale.ROOT)));
                return caps;
              });
    }
    return capabilities;
  }

  boolean has(String capability) {
    return capabilities().contains(capability.toUpperCase(Locale.ROOT));
  }

  /** The value of a capability such as {@code APPENDLIMIT=35651584}, or -1. */
  long numericCapability(String name) {
    String prefix = name.toUpperCase(Locale.ROOT) + "=";
    for (String c : capabilities()) {
      if (c.startsWith(prefix)) {
        try {
          return Long.parseLong(c.substring(prefix.length()));
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  /** {@code TLSv1.3, certificate subject …} or {@code plaintext}. */
  String connectionDescription() {
    if (tls == null || tls.verdict() == CertificateRecorder.Verdict.NOT_CHECKED) {
      return "plaintext";
    }
    return tls.protocol() + ", certificate " + tls.describeServerCertificate();
  }

  /** When the token this session logged in with was issued to it (its login), or null. */
  private volatile java.time.Instant loggedInAt;

  /** Notes when the token this session logged in with expires (a server may end it then). */
  void loginExpiresAt(java.time.Instant expiry, java.time.Instant loginTime) {
    this.loginExpiresAt = expiry;
    this.loggedInAt = loginTime;
  }

  /**
   * True when the token this session logged in with expires within {@code margin}, or within a
   * quarter of the life it had at login when that is shorter (a token that lives minutes is not
   * renewed on every folder): a new connection with a fresh token is then opened rather than one
   * the server may end mid-work.
   */
  boolean loginExpiresWithin(java.time.Duration margin) {
    java.time.Instant expiry = loginExpiresAt;
    if (expiry == null) {
      return false;
    }
    java.time.Duration life = java.time.Duration.between(loggedInAt, expiry);
    java.time.Duration quarter = life.isNegative() ? java.time.Duration.ZERO : life.dividedBy(4);
    java.time.Duration used = quarter.compareTo(margin) < 0 ? quarter : margin;
    return !java.time.Instant.now().plus(used).isBefore(expiry);
  }

  @Override
  public void close() {
    try {
      store.close();
    } catch (MessagingException | RuntimeException e) {
      log.debug("Closing {} failed: {}", label, e.getMessage());
    }
  }
}
