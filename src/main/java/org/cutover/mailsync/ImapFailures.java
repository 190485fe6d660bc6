package org.cutover.mailsync;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderClosedException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.iap.ConnectionException;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.iap.Response;

/** Turns exceptions from Angus Mail and the network into classified {@link ImapFailure}s. */
final class ImapFailures {

  private static final Pattern BACKOFF =
      Pattern.compile("(?i)backoff time[^0-9]{0,20}(\\d{1,9})\\s*(milliseconds|ms|seconds|s)?");

  private ImapFailures() {}

  /** A failure while connecting and logging in. */
  static ImapFailure fromConnect(
      Exception e, String role, MailAccount account, CertificateRecorder tls) {
    ImapEndpoint ep = account.endpoint();
    String where = role + " server " + ep.address();
    if (e instanceof ImapFailure f) {
      return f;
    }
    if (e instanceof AuthenticationFailedException auth) {
      return loginRefused(role, account, auth.getMessage());
    }
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof UnknownHostException) {
        return new ImapFailure(
            EndpointProblem.UNKNOWN_HOST,
            "The "
                + role
                + " host '"
                + ep.host()
                + "' is unknown (no DNS record found): check the host name of the endpoint",
            null,
            e);
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return new ImapFailure(
            EndpointProblem.CONNECTION_REFUSED,
            "Nothing accepts connections on "
                + where
                + " ("
                + message(cause)
                + "): check the port and that the IMAP service is running and reachable",
            null,
            e);
      }
      if (cause instanceof SSLException) {
        return tlsFailure(role, ep, tls, cause, e);
      }
      if (cause instanceof ConnectionException ce && isForeignGreeting(ce.getResponse())) {
        return new ImapFailure(
            EndpointProblem.NOT_IMAP,
            "The "
                + where
                + " is not an IMAP server: it greeted with \""
                + ce.getResponse().toString().strip()
                + "\" (an IMAP server begins with \"* OK\"); check the port (IMAP is 143, or 993"
                + " with TLS) and the host",
            null,
            e);
      }
      if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
        return new ImapFailure(
            EndpointProblem.TIMED_OUT,
            "No answer from "
                + where
                + " within "
                + seconds(ep)
                + ": check the host, firewalls and that the port speaks IMAP"
                + (ep.security() == ConnectionSecurity.PLAINTEXT
                    ? " (a TLS-only port stays silent to a plaintext client)"
                    : ""),
            null,
            e);
      }
      if (cause instanceof ProtocolException pe && isStartTlsMissing(pe)) {
        return new ImapFailure(
            EndpointProblem.STARTTLS_UNAVAILABLE,
            "The "
                + role
                + " server "
                + ep.address()
                + " does not offer STARTTLS: use implicit TLS (usually port 993) or enable TLS"
                + " on the server",
            null,
            e);
      }
      cause = cause.getCause() == cause ? null : cause.getCause();
    }
    if (tls != null && tls.verdict() == CertificateRecorder.Verdict.UNTRUSTED
        || tls != null && tls.verdict() == CertificateRecorder.Verdict.NAME_MISMATCH) {
      return tlsFailure(role, ep, tls, e, e);
    }
    if (e instanceof MessagingException && isStartTlsMissing(e)) {
      return new ImapFailure(
          EndpointProblem.STARTTLS_UNAVAILABLE,
          "The "
              + role
              + " server "
              + ep.address()
              + " does not offer STARTTLS: use implicit TLS (usually port 993) or enable TLS on"
              + " the server",
          null,
          e);
    }
    String bye = serverBye(e);
    if (bye != null) {
      return sentAway("The " + where, "logging in", bye, e);
    }
    return new ImapFailure(
        EndpointProblem.CONNECTION_LOST,
        "Connecting to " + where + " failed: " + message(e) + "; it will be retried",
        null,
        e);
  }

  /**
   * The text of a BYE the server itself sent (not one Angus makes up for a dropped socket), found
   * along the causes of {@code e}; null when there is none.
   */
  static String serverBye(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof ConnectionException ce
          && ce.getResponse() != null
          && ce.getResponse().isBYE()
          && !ce.getResponse().isSynthetic()) {
        return responseText(ce.getResponse());
      }
      // Angus turns a BYE on an open folder or store into an exception with the BYE's line as its
      // message and without the cause; a BYE it made up for a dropped socket starts with its own
      // words.
      if ((t instanceof StoreClosedException || t instanceof FolderClosedException)
          && t.getMessage() != null
          && t.getMessage().startsWith("* BYE ")
          && !t.getMessage().startsWith(SYNTHETIC_BYE)) {
        return t.getMessage().substring(2).trim();
      }
    }
    return null;
  }

  /** How Angus's own BYE for a lost connection begins. */
  private static final String SYNTHETIC_BYE = "* BYE Jakarta Mail Exception";

  /** A server that ended the connection with a BYE: a throttle when it says so, else a drop. */
  private static ImapFailure sentAway(String who, String what, String bye, Exception e) {
    if (isThrottled(bye)) {
      return new ImapFailure(
          EndpointProblem.THROTTLED,
          who + " is busy or throttling (" + what + ": " + bye + "); it will be retried",
          backoffHint(bye),
          e,
          true);
    }
    return new ImapFailure(
        EndpointProblem.CONNECTION_LOST,
        who + " ended the connection during " + what + " (" + bye + "); it will be retried",
        backoffHint(bye),
        e,
        true);
  }

  /**
   * A first line that is not an untagged IMAP response, such as an SMTP server's "220 … ESMTP": a
   * dropped connection's BYE is untagged and is not taken for one.
   */
  private static boolean isForeignGreeting(Response r) {
    return r != null && !r.isUnTagged() && !r.isContinuation();
  }

  static ImapFailure loginRefused(String role, MailAccount account, String serverText) {
    ImapFailure failure = loginFailure(role, account, serverText);
    return failure.problem() == EndpointProblem.BAD_CREDENTIALS
        ? failure.refusedLoginOf(role)
        : failure;
  }

  private static ImapFailure loginFailure(String role, MailAccount account, String serverText) {
    ImapEndpoint ep = account.endpoint();
    String said =
        serverText == null || serverText.isBlank()
            ? ""
            : " (server said: " + serverText.trim() + ")";
    boolean authorization =
        serverText != null && serverText.toUpperCase(Locale.ROOT).contains("AUTHORIZATIONFAILED");
    if (account.login() instanceof ImapLogin.Delegated d) {
      if (authorization) {
        return new ImapFailure(
            EndpointProblem.NOT_AUTHORIZED,
            "Administrator '"
                + d.admin()
                + "' logged in to the "
                + role
                + " server "
                + ep.address()
                + " but may not act as '"
                + d.mailboxUser()
                + "'"
                + said
                + ": grant it full access to that mailbox (Exchange FullAccess, Dovecot master"
                + " user) and check that the mailbox exists");
      }
      return new ImapFailure(
          EndpointProblem.BAD_CREDENTIALS,
          "Administrator '"
              + d.admin()
              + "' could not log in to the "
              + role
              + " server "
              + ep.address()
              + " acting as '"
              + d.mailboxUser()
              + "'"
              + said
              + ": check the administrator's name and password, that it may act for other"
              + " mailboxes, and that mailbox '"
              + d.mailboxUser()
              + "' exists");
    }
    if (account.login() instanceof ImapLogin.LoginString ls) {
      return new ImapFailure(
          EndpointProblem.BAD_CREDENTIALS,
          "Login string '"
              + ls.loginName()
              + "' with the password of administrator '"
              + ls.admin()
              + "' was refused by the "
              + role
              + " server "
              + ep.address()
              + said
              + ": check the administrator's password, that it has full access (FullAccess) to"
              + " mailbox '"
              + ls.mailboxUser()
              + "', that the mailbox part is the user's alias where Exchange wants it, and that"
              + " the server takes plain-text logins over TLS");
    }
    if (account.login() instanceof ImapLogin.OAuth2 o) {
      return new ImapFailure(
          EndpointProblem.BAD_CREDENTIALS,
          "XOAUTH2 login as '"
              + o.user()
              + "' to the "
              + role
              + " server "
              + ep.address()
              + " was refused"
              + said
              + ": check that the application may use IMAP for this mailbox and that the token"
              + " has the IMAP scope");
    }
    return new ImapFailure(
        EndpointProblem.BAD_CREDENTIALS,
        "Login as '"
            + account.login().mailboxUser()
            + "' to the "
            + role
            + " server "
            + ep.address()
            + " was refused"
            + said
            + ": check the user name and password");
  }

  private static ImapFailure tlsFailure(
      String role, ImapEndpoint ep, CertificateRecorder tls, Throwable cause, Exception e) {
    String where = "the " + role + " server " + ep.address();
    if (tls != null && tls.verdict() == CertificateRecorder.Verdict.NAME_MISMATCH) {
      return new ImapFailure(
          EndpointProblem.TLS_NAME_MISMATCH,
          "The TLS certificate of "
              + where
              + " ("
              + tls.describeServerCertificate()
              + ") does not name '"
              + ep.host()
              + "': connect with a host name the certificate lists, or give the server a"
              + " certificate for this name",
          null,
          e);
    }
    if (tls != null && tls.verdict() == CertificateRecorder.Verdict.UNTRUSTED) {
      return new ImapFailure(
          EndpointProblem.TLS_UNTRUSTED,
          "The TLS certificate of "
              + where
              + " is not trusted ("
              + tls.describeServerCertificate()
              + "; "
              + tls.reason()
              + "): add the certificate or its issuing CA to the endpoint's trust store, or give"
              + " the server a certificate from a trusted CA",
          null,
          e);
    }
    String text = String.valueOf(message(cause));
    if (text.contains("protocol_version")
        || text.contains("No appropriate protocol")
        || text.contains("Remote host terminated the handshake")) {
      return new ImapFailure(
          EndpointProblem.TLS_FAILED,
          "The TLS handshake with "
              + where
              + " failed ("
              + text
              + "): the server may speak no TLS version Cutover offers it ("
              + LegacyTls.protocols(ep).replace(' ', '/')
              + ")"
              + (ep.legacyTlsAllowed()
                  ? LegacyTls.refusedByJvm().isEmpty()
                      ? ""
                      : "; the endpoint allows TLS 1.0/1.1 but this JVM refuses them: "
                          + LegacyTls.warning("it")
                  : ". An old server (Exchange 2007/2010) may speak only TLS 1.0 or 1.1: update"
                      + " it to TLS 1.2, or allow TLS 1.0/1.1 for this endpoint explicitly"
                      + " (allowLegacyTls)"),
          null,
          e);
    }
    return new ImapFailure(
        EndpointProblem.TLS_FAILED,
        "The TLS handshake with "
            + where
            + " failed ("
            + message(cause)
            + "): check that the port speaks "
            + (ep.security() == ConnectionSecurity.IMPLICIT_TLS
                ? "implicit TLS (usually 993; use STARTTLS for port 143)"
                : "STARTTLS")
            + " and that client and server share a TLS version",
        null,
        e);
  }

  /** A lost connection during work. */
  static ImapFailure connectionLost(String label, String what, Exception e) {
    String bye = serverBye(e);
    if (bye != null) {
      return sentAway(label, what, bye, e);
    }
    return new ImapFailure(
        EndpointProblem.CONNECTION_LOST,
        "The connection to " + label + " was lost during " + what + ": " + message(e),
        null,
        e);
  }

  /** A failed command (NO/BAD) or lost connection during work. */
  static ImapFailure fromCommand(String label, String what, MessagingException e) {
    Throwable cause = e.getCause();
    if (cause instanceof ConnectionException) {
      return connectionLost(label, what, e);
    }
    if (cause instanceof ProtocolException pe) {
      return fromProtocol(label, what, pe);
    }
    return new ImapFailure(
        EndpointProblem.CONNECTION_LOST,
        label + " failed during " + what + ": " + message(e),
        null,
        e);
  }

  /** A failed command on the raw protocol. */
  static ImapFailure fromProtocol(String label, String what, ProtocolException pe) {
    if (pe instanceof ConnectionException) {
      return connectionLost(label, what, pe);
    }
    Response r = pe.getResponse();
    String text = r == null ? message(pe) : responseText(r);
    Duration hint = backoffHint(text);
    if (isThrottled(text)) {
      return new ImapFailure(
          EndpointProblem.THROTTLED,
          label + " is busy or throttling (" + what + ": " + text + "); it will be retried",
          hint,
          pe);
    }
    if (isOverQuota(text)) {
      return new ImapFailure(
          EndpointProblem.OVER_QUOTA,
          "The mailbox on "
              + label
              + " is full ("
              + what
              + ": "
              + text
              + "): raise its quota or free space, then sync again",
          null,
          pe);
    }
    return new ImapFailure(
        EndpointProblem.COMMAND_REFUSED, label + " refused " + what + ": " + text, null, pe);
  }

  /** A refusal whose text says the server is throttling, busy or full. */
  static ImapFailure fromText(String label, String what, String text) {
    if (isThrottled(text)) {
      return new ImapFailure(
          EndpointProblem.THROTTLED,
          label + " is busy or throttling (" + what + ": " + text + "); it will be retried",
          backoffHint(text),
          null);
    }
    if (isOverQuota(text)) {
      return new ImapFailure(
          EndpointProblem.OVER_QUOTA,
          "The mailbox on "
              + label
              + " is full ("
              + what
              + ": "
              + text
              + "): raise its quota or free space, then sync again",
          null,
          null);
    }
    return new ImapFailure(
        EndpointProblem.COMMAND_REFUSED, label + " refused " + what + ": " + text, null, null);
  }

  static String responseText(Response r) {
    String rest = r.getRest();
    String type = r.isNO() ? "NO " : r.isBAD() ? "BAD " : r.isBYE() ? "BYE " : "";
    return (type + (rest == null ? "" : rest)).trim();
  }

  static boolean isThrottled(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    return t.contains("[THROTTLED]")
        || t.contains("[UNAVAILABLE]")
        || t.contains("[INUSE]")
        || t.contains("[LIMIT]")
        || t.contains("THROTTL")
        || t.contains("BACKOFF TIME");
  }

  /**
   * An APPEND answer refusing this one message for its size, such as Dovecot's {@code NO [LIMIT]
   * Mail size is larger than the maximum size allowed by server configuration}: RFC 5530's {@code
   * [LIMIT]} names an implementation limit, which for a message's size no retry will pass.
   */
  static boolean refusesMessageSize(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    return t.contains("[LIMIT]")
        && (t.contains("SIZE") || t.contains("TOO LARGE") || t.contains("TOO BIG"))
        && !t.contains("THROTTL");
  }

  static boolean isOverQuota(String text) {
    String t = text.toUpperCase(Locale.ROOT);
    return t.contains("[OVERQUOTA]") || t.contains("QUOTA EXCEEDED") || t.contains("OVER QUOTA");
  }

  static Duration backoffHint(String text) {
    Matcher m = BACKOFF.matcher(text);
    if (!m.find()) {
      return null;
    }
    long value = Long.parseLong(m.group(1));
    String unit = m.group(2) == null ? "ms" : m.group(2).toLowerCase(Locale.ROOT);
    return unit.startsWith("s") ? Duration.ofSeconds(value) : Duration.ofMillis(value);
  }

  private static boolean isStartTlsMissing(Throwable t) {
    String m = t.getMessage();
    return m != null && m.contains("STARTTLS required but not supported");
  }

  private static String seconds(ImapEndpoint ep) {
    long s = ep.connectTimeout().toSeconds();
    return s + " s";
  }

  static String message(Throwable t) {
    String m = t.getMessage();
    if (m == null || m.isBlank()) {
      return t.getClass().getSimpleName();
    }
    if (t instanceof SocketException || t instanceof InterruptedIOException) {
      return t.getClass().getSimpleName() + ": " + m;
    }
    return m;
  }
}
