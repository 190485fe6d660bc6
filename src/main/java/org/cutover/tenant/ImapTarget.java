package org.cutover.tenant;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Properties;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain IMAP host as a migration target. Cutover cannot create mailboxes there: it checks that
 * the admin login signs in, and that it opens each user's mailbox before mail is copied into it.
 * TLS certificates are validated and must match the host name.
 */
public class ImapTarget {

  private static final Logger log = LoggerFactory.getLogger(ImapTarget.class);

  private final SecretStore secrets;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final SSLSocketFactory tls;

  /**
   * @param tls the TLS socket factory (trust store) for IMAP targets, or null for the JVM's
   */
  ImapTarget(
      SecretStore secrets, Duration connectTimeout, Duration readTimeout, SSLSocketFactory tls) {
    this.secrets = secrets;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.tls = tls;
  }

  /**
   * Connects and signs in with the admin login. A delegated or XOAUTH2 login needs a mailbox to act
   * for: {@code probeMailbox}, the endpoint's test mailbox or the batch's first.
   *
   * @throws TargetNeedsAdministrator saying what to fix when the server cannot be reached or
   *     refuses the login
   */
  public void preflight(ImapTargetServer server, String probeMailbox) {
    String mailbox =
        server.signIn() == ImapTargetServer.SignIn.PLAIN ? server.adminUser() : probeMailbox;
    try {
      open(server, mailbox);
    } catch (AuthenticationFailedException refused) {
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + " refused the admin login "
              + describeLogin(server, mailbox)
              + " ("
              + answer(refused)
              + "): check the admin user and its password"
              + (server.signIn() == ImapTargetServer.SignIn.PLAIN
                  ? ""
                  : ", that it may sign in for other users (a Dovecot master user, Exchange"
                      + " FullAccess), and that the mailbox "
                      + mailbox
                      + " exists there")
              + "; then retry the step");
    } catch (MessagingException failure) {
      throw new TargetNeedsAdministrator(
          "Cutover could not reach the IMAP target "
              + server.address()
              + ": "
              + reason(failure)
              + "; check host, port and security ("
              + server.security()
              + "), then retry the step");
    }
    log.info("IMAP target {} accepts the admin login {}", server.address(), server.adminUser());
  }

  /**
   * Checks that the admin login opens the user's mailbox at the target.
   *
   * @throws TargetNeedsAdministrator when the mailbox cannot be opened: it must be created first
   * @throws TargetUnavailable when the server cannot be reached now
   */
  public void provisionMailbox(ImapTargetServer server, String address) {
    if (server.signIn() == ImapTargetServer.SignIn.PLAIN
        && !server.adminUser().equalsIgnoreCase(address)) {
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + " is set to sign in with the admin's own login ("
              + server.adminUser()
              + "), which opens only the admin's mailbox, not "
              + address
              + ": set the target's sign-in to DELEGATED_ADMIN with a login that may act for every"
              + " user");
    }
    try {
      open(server, address);
    } catch (AuthenticationFailedException refused) {
      throw new TargetNeedsAdministrator(
          "The mailbox "
              + address
              + " cannot be opened on the IMAP target "
              + server.address()
              + " with "
              + describeLogin(server, address)
              + " ("
              + answer(refused)
              + "): create the mailbox "
              + address
              + " on the target first, then retry the step");
    } catch (MessagingException failure) {
      throw new TargetUnavailable(
          "Cutover could not reach the IMAP target "
              + server.address()
              + " to check the mailbox "
              + address
              + ": "
              + reason(failure)
              + "; the step is tried again");
    }
    log.info("Mailbox {} opens on IMAP target {}", address, server.address());
  }

  /** Signs in as {@code mailbox} (or for it) and opens its INBOX read-only. */
  private void open(ImapTargetServer server, String mailbox) throws MessagingException {
    if (server.security() == ImapTargetServer.Security.PLAINTEXT && !server.allowPlaintext()) {
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + " is set to PLAINTEXT without allowPlaintext: passwords would travel unencrypted;"
              + " choose IMPLICIT_TLS or STARTTLS");
    }
    char[] secret = credential(server);
    try {
      Session session = Session.getInstance(properties(server, mailbox));
      String protocol =
          server.security() == ImapTargetServer.Security.IMPLICIT_TLS ? "imaps" : "imap";
      try (Store store = session.getStore(protocol)) {
        String user =
            server.signIn() == ImapTargetServer.SignIn.DELEGATED_ADMIN
                ? server.adminUser()
                : mailbox;
        store.connect(server.host(), server.port(), user, new String(secret));
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        inbox.close(false);
      }
    } finally {
      Arrays.fill(secret, '\0');
    }
  }

  private Properties properties(ImapTargetServer server, String mailbox) {
    String p =
        server.security() == ImapTargetServer.Security.IMPLICIT_TLS ? "mail.imaps." : "mail.imap.";
    Properties props = new Properties();
    props.setProperty(p + "connectiontimeout", Long.toString(connectTimeout.toMillis()));
    props.setProperty(p + "timeout", Long.toString(readTimeout.toMillis()));
    props.setProperty(p + "writetimeout", Long.toString(readTimeout.toMillis()));
    props.setProperty(p + "ssl.checkserveridentity", "true");
    if (tls != null) {
      props.put(p + "ssl.socketFactory", tls);
    }
    if (server.security() == ImapTargetServer.Security.STARTTLS) {
      props.setProperty(p + "starttls.enable", "true");
      props.setProperty(p + "starttls.required", "true");
    }
    switch (server.signIn()) {
      case PLAIN -> props.setProperty(p + "auth.mechanisms", "PLAIN LOGIN");
      case DELEGATED_ADMIN -> {
        props.setProperty(p + "auth.mechanisms", "PLAIN");
        props.setProperty(p + "sasl.authorizationid", mailbox);
      }
      case XOAUTH2 -> props.setProperty(p + "auth.mechanisms", "XOAUTH2");
    }
    return props;
  }

  private char[] credential(ImapTargetServer server) {
    if (server.credential() == null) {
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + " has no stored credential for "
              + server.adminUser()
              + " (the batch was deleted, or none was given)");
    }
    try {
      return secrets.get(server.credential());
    } catch (SecretUnavailable e) {
      throw new TargetNeedsAdministrator(
          "The credential of the IMAP target "
              + server.address()
              + " cannot be read: "
              + e.getMessage());
    }
  }

  private static String describeLogin(ImapTargetServer server, String mailbox) {
    return switch (server.signIn()) {
      case PLAIN -> server.adminUser();
      case DELEGATED_ADMIN -> server.adminUser() + " acting for " + mailbox;
      case XOAUTH2 -> "XOAUTH2 for " + mailbox;
    };
  }

  /** The server's refusal, as it said it (IMAP servers say nothing secret there). */
  private static String answer(AuthenticationFailedException refused) {
    String text = refused.getMessage();
    return text == null || text.isBlank() ? "login refused" : text.strip();
  }

  private static String reason(MessagingException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException) {
        return "the host name is not known";
      }
      if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
        return "the connection was refused";
      }
      if (cause instanceof SocketTimeoutException) {
        return "it did not answer in time";
      }
      if (cause instanceof SSLException ssl) {
        return "TLS failed ("
            + ssl.getMessage()
            + "); the certificate must be trusted (cutover.tenant.imap.trust-store) and match the"
            + " host name";
      }
      if (cause instanceof IOException io && cause != failure) {
        return io.getClass().getSimpleName() + " " + String.valueOf(io.getMessage());
      }
    }
    String text = failure.getMessage();
    return text == null ? failure.getClass().getSimpleName() : text.strip();
  }
}
