package org.cutover.mailsync;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.util.Arrays;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens logged-in {@link ImapSession}s with Angus Mail: TLS as the endpoint says (certificates and
 * host names always checked), then LOGIN/PLAIN, delegated SASL PLAIN or XOAUTH2.
 */
final class ImapConnector {

  private static final Logger log = LoggerFactory.getLogger(ImapConnector.class);
  private static final String P = "mail.imap.";

  private static final ScheduledExecutorService WRITE_TIMEOUTS =
      Executors.newScheduledThreadPool(
          1,
          r -> {
            Thread t = new Thread(r, "imap-write-timeouts");
            t.setDaemon(true);
            return t;
          });

  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  private final MailSessions sessions;

  ImapConnector() {
    this(new MailSessions());
  }

  ImapConnector(MailSessions sessions) {
    this.sessions = sessions;
  }

  /**
   * Connects and logs in. {@code role} ("source", "target") appears in messages.
   *
   * @throws ImapFailure classified, saying what to fix
   */
  ImapSession open(MailAccount account, String role) {
    ImapEndpoint ep = account.endpoint();
    if (!account.loginOpensOwnMailbox()) {
      // Every connection passes here: a login that would open someone else's mailbox (an admin's
      // own login used for each user) never connects, so nothing is read from or written to it.
      throw new ImapFailure(
          EndpointProblem.WRONG_MAILBOX,
          "The "
              + role
              + " login ("
              + account.login()
              + ") opens the mailbox of '"
              + account.login().mailboxUser()
              + "', not of '"
              + account.user()
              + "' on "
              + ep.address()
              + ", so nothing was copied: log in as that user, as an administrator acting for"
              + " that user (SASL PLAIN with the user as authorization identity: a master user,"
              + " Exchange FullAccess, or Exchange's Domain/Admin/User login string), or with an"
              + " XOAUTH2 token for that user");
    }
    Properties props = new Properties();
    props.setProperty(P + "host", ep.host());
    props.setProperty(P + "port", Integer.toString(ep.port()));
    props.setProperty(P + "connectiontimeout", millis(ep.connectTimeout().toMillis()));
    props.setProperty(P + "timeout", millis(ep.readTimeout().toMillis()));
    props.setProperty(P + "writetimeout", millis(ep.readTimeout().toMillis()));
    props.put(P + "executor.writetimeout", WRITE_TIMEOUTS);
    props.setProperty(P + "connectionpoolsize", "1");
    props.setProperty(P + "separatestoreconnection", "true");
    CertificateRecorder recorder = null;
    SSLSocketFactory sockets = null;
    if (ep.security() != ConnectionSecurity.PLAINTEXT) {
      // The socket factory records this connection's handshake, so it stays out of the shared
      // session's settings: the store hands it to its own connection only.
      TlsTrust.Factory tls = TlsTrust.forEndpoint(ep);
      recorder = tls.recorder();
      sockets = tls.sockets();
      props.setProperty(P + "ssl.checkserveridentity", "true");
      // TLS 1.0/1.1 only where the endpoint allows them, even in a JVM that permits them.
      props.setProperty(P + "ssl.protocols", LegacyTls.protocols(ep));
      if (ep.security() == ConnectionSecurity.IMPLICIT_TLS) {
        props.setProperty(P + "ssl.enable", "true");
      } else {
        props.setProperty(P + "starttls.enable", "true");
        props.setProperty(P + "starttls.required", "true");
      }
    }
    try {
      return connect(account, role, props, sockets, recorder, false);
    } catch (ImapFailure refused) {
      if (!(account.login() instanceof ImapLogin.OAuth2)
          || refused.problem() != EndpointProblem.BAD_CREDENTIALS) {
        throw refused;
      }
      // A token can expire or be revoked before its supplier knows: one more login with a token
      // issued now tells that apart from a login the server refuses whatever the token.
      log.info(
          "The {} server {} refused the XOAUTH2 token of {}; logging in once more with a renewed"
              + " token",
          role,
          ep.address(),
          account.describe());
      return connect(account, role, props, sockets, recorder, true);
    }
  }

  private ImapSession connect(
      MailAccount account,
      String role,
      Properties props,
      SSLSocketFactory sockets,
      CertificateRecorder recorder,
      boolean renewToken) {
    ImapEndpoint ep = account.endpoint();
    String user;
    char[] secret;
    java.time.Instant tokenExpiry = null;
    ImapLogin login = account.login();
    if (login instanceof ImapLogin.Password pw) {
      user = pw.user();
      props.setProperty(P + "auth.mechanisms", "PLAIN LOGIN");
      secret = pw.password().secret();
    } else if (login instanceof ImapLogin.Delegated d) {
      user = d.admin();
      props.setProperty(P + "auth.mechanisms", "PLAIN");
      // The mailbox goes to the connection (DelegatedLoginStore), not to the session's settings:
      // the delegated logins of all mailboxes of an endpoint then share one mail session.
      secret = d.adminPassword().secret();
    } else if (login instanceof ImapLogin.LoginString ls) {
      user = ls.loginName();
      // No SASL mechanism: the mail library then sends the IMAP LOGIN command, the one Exchange
      // reads a login string from.
      props.setProperty(P + "auth.mechanisms", "");
      secret = ls.adminPassword().secret();
    } else {
      ImapLogin.OAuth2 o = (ImapLogin.OAuth2) login;
      user = o.user();
      props.setProperty(P + "auth.mechanisms", "XOAUTH2");
      String token;
      try {
        token =
            renewToken ? o.tokens().renewedAccessToken(o.user()) : o.tokens().accessToken(o.user());
      } catch (RuntimeException e) {
        throw new ImapFailure(
            EndpointProblem.TOKEN_UNAVAILABLE,
            "No access token for '"
                + o.user()
                + "' to log in to the "
                + role
                + " server "
                + ep.address()
                + ": "
                + ImapFailures.message(e),
            null,
            e);
      }
      secret = token == null ? new char[0] : token.toCharArray();
      tokenExpiry = AccessTokenExpiry.of(token).orElse(null);
    }
    String label = role + " " + account.describe();
    IMAPStore store = null;
    try {
      Session session = sessions.forSettings(props);
      store =
          login instanceof ImapLogin.Delegated
              ? new DelegatedLoginStore(
                  session,
                  ep.host(),
                  ep.port(),
                  sockets,
                  ((ImapLogin.Delegated) login).mailboxUser())
              : new SyncStore(session, ep.host(), ep.port(), sockets);
      store.connect(ep.host(), ep.port(), user, new String(secret));
      ImapSession s = new ImapSession(store, label, ep, recorder);
      s.loginExpiresAt(tokenExpiry, java.time.Instant.now());
      if (!ep.disabledExtensions().isEmpty()) {
        // Angus and this engine both ask the protocol's capability map: without the entry, the
        // extension is not used on this connection.
        s.call(
            "CAPABILITY",
            p -> {
              p.getCapabilities().keySet().removeIf(c -> ep.disabledExtensions().contains(c));
              return null;
            });
      }
      log.debug("Connected {} (connection {})", label, CONNECTIONS.incrementAndGet());
      return s;
    } catch (MessagingException | RuntimeException e) {
      closeQuietly(store);
      if (store instanceof DelegatedLoginStore delegated && delegated.plainMissing()) {
        throw new ImapFailure(
            EndpointProblem.NOT_AUTHORIZED,
            "The "
                + role
                + " server "
                + ep.address()
                + " does not offer SASL PLAIN (AUTH=PLAIN), so "
                + account.login()
                + " cannot act for another user there. Cutover does not fall back to the admin's"
                + " own login, which would open the admin's mailbox: enable PLAIN authentication"
                + " (over TLS) on the server, or sign in with each user's own login",
            null,
            e);
      }
      throw ImapFailures.fromConnect(e, role, account, recorder).onServer(ep);
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private static void closeQuietly(IMAPStore store) {
    if (store != null) {
      try {
        store.close();
      } catch (MessagingException | RuntimeException ignored) {
        // nothing more to do with a connection that failed
      }
    }
  }

  private static String millis(long ms) {
    return Long.toString(Math.min(Integer.MAX_VALUE, ms));
  }
}
