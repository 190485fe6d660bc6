package org.cutover.tenant;

import java.time.Duration;
import java.util.Arrays;
import org.cutover.mailsync.ConnectionSecurity;
import org.cutover.mailsync.EndpointCheck;
import org.cutover.mailsync.EndpointProblem;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.TargetAccount;
import org.cutover.mailsync.TrustStore;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A plain IMAP host as a migration target. Cutover cannot create mailboxes there: it checks that
 * the admin login signs in, and that it opens each user's mailbox before mail is copied into it.
 * The check is the mail sync engine's own endpoint test, so it signs in exactly as the sync will:
 * TLS certificates validated and matching the host name, and a delegated login refused (never
 * turned into the admin's own login) by a server that does not offer SASL PLAIN.
 */
public class ImapTarget {

  private static final Logger log = LoggerFactory.getLogger(ImapTarget.class);

  private final SecretStore secrets;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final TrustStore trustStore;
  private final EndpointTester tester;

  /**
   * @param trustStore the certificates trusted for TLS to IMAP targets, or null for the JVM's
   */
  ImapTarget(
      SecretStore secrets,
      Duration connectTimeout,
      Duration readTimeout,
      TrustStore trustStore,
      EndpointTester tester) {
    this.secrets = secrets;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.trustStore = trustStore;
    this.tester = tester;
  }

  /**
   * Connects and signs in with the admin login. A delegated or XOAUTH2 login needs a mailbox to act
   * for: {@code probeMailbox}, the endpoint's test mailbox or the batch's first.
   *
   * @throws TargetNeedsAdministrator saying what to fix when the server cannot be reached or
   *     refuses the login
   */
  public void preflight(ImapTargetServer server, String probeMailbox) {
    preflight(server, probeMailbox, null);
  }

  /**
   * As {@link #preflight(ImapTargetServer, String)}; with {@code own}, the probe mailbox's user
   * signs in with the user's own password instead of the admin login.
   */
  public void preflight(
      ImapTargetServer server, String probeMailbox, ImapTargetServer.UserLogin own) {
    String mailbox =
        own != null
            ? own.user()
            : server.signIn() == ImapTargetServer.SignIn.PLAIN ? server.adminUser() : probeMailbox;
    if (mailbox == null) {
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + " signs in as each user with the user's own password, and no mailbox of the batch"
              + " has one: give the users' target passwords with the mailbox list");
    }
    if (check(server, mailbox, own) instanceof EndpointCheck.Failed failed) {
      if (failed.problem() == EndpointProblem.BAD_CREDENTIALS && own == null) {
        // the endpoint's own login: a new password for it is what helps
        throw new TargetLoginRefused(refusal(server, mailbox, own, failed));
      }
      throw new TargetNeedsAdministrator(
          switch (failed.problem()) {
            case BAD_CREDENTIALS, NO_MAILBOX_ACCESS -> refusal(server, mailbox, own, failed);
            case NOT_AUTHORIZED ->
                "The IMAP target "
                    + server.address()
                    + (own != null ? " cannot take the login " : " cannot take the admin login ")
                    + describeLogin(server, mailbox, own)
                    + ": "
                    + failed.message()
                    + "; then retry the step";
            case TLS_UNTRUSTED, TLS_NAME_MISMATCH, TLS_FAILED ->
                "TLS to the IMAP target "
                    + server.address()
                    + " failed: "
                    + failed.message()
                    + ". The certificate must be trusted (the JVM's trust store, or a PEM file in"
                    + " cutover.tenant.imap.trust-store) and name the host; then retry the step";
            default ->
                "Cutover could not reach the IMAP target "
                    + server.address()
                    + ": "
                    + failed.message()
                    + "; check host, port and security ("
                    + server.security()
                    + "), then retry the step";
          });
    }
    log.info(
        "IMAP target {} accepts the login {}",
        server.address(),
        describeLogin(server, mailbox, own));
  }

  /** What to check when the target refused a login or a mailbox to it. */
  private static String refusal(
      ImapTargetServer server,
      String mailbox,
      ImapTargetServer.UserLogin own,
      EndpointCheck.Failed failed) {
    return "The IMAP target "
        + server.address()
        + (own != null ? " refused the login " : " refused the admin login ")
        + describeLogin(server, mailbox, own)
        + " ("
        + failed.message()
        + "): check the "
        + (own != null ? "user's password in the mailbox list" : "admin user and its password")
        + (server.signIn() == ImapTargetServer.SignIn.PLAIN || own != null
            ? ""
            : ", that it may sign in for other users (a Dovecot master user, Exchange"
                + " FullAccess), and that the mailbox "
                + mailbox
                + " exists there")
        + "; then retry the step";
  }

  /**
   * Checks that the admin login opens the user's mailbox at the target.
   *
   * @throws TargetNeedsAdministrator when the mailbox cannot be opened: it must be created first
   * @throws TargetUnavailable when the server cannot be reached now
   */
  public void provisionMailbox(ImapTargetServer server, String address) {
    provisionMailbox(server, address, null);
  }

  /**
   * As {@link #provisionMailbox(ImapTargetServer, String)}; with {@code own}, the user signs in
   * with the user's own login and password, as the sync will.
   */
  public void provisionMailbox(
      ImapTargetServer server, String address, ImapTargetServer.UserLogin own) {
    if (own == null
        && server.signIn() == ImapTargetServer.SignIn.PLAIN
        && (server.adminUser() == null || !server.adminUser().equalsIgnoreCase(address))) {
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + (server.adminUser() != null
                  ? " is set to sign in with the admin's own login ("
                      + server.adminUser()
                      + "), which opens only the admin's mailbox, not "
                      + address
                  : " signs in as each user with the user's own password, and "
                      + address
                      + " has none")
              + ": give the user's own target password with the mailbox list, or set the"
              + " target's sign-in to DELEGATED_ADMIN with a login that may act for every user");
    }
    String mailbox = own != null ? own.user() : address;
    if (check(server, mailbox, own) instanceof EndpointCheck.Failed failed) {
      EndpointProblem problem = failed.problem();
      if (problem.mayPass() || problem == EndpointProblem.CONNECTION_REFUSED) {
        throw new TargetUnavailable(
            "Cutover could not reach the IMAP target "
                + server.address()
                + " to check the mailbox "
                + address
                + ": "
                + failed.message()
                + "; the step is tried again");
      }
      if (problem == EndpointProblem.BAD_CREDENTIALS
          || problem == EndpointProblem.NO_MAILBOX_ACCESS
          || problem == EndpointProblem.NOT_AUTHORIZED) {
        throw new TargetNeedsAdministrator(
            "The mailbox "
                + address
                + " cannot be opened on the IMAP target "
                + server.address()
                + " with "
                + describeLogin(server, mailbox, own)
                + " ("
                + failed.message()
                + "): create the mailbox "
                + address
                + " on the target first if it is not there yet, then retry the step");
      }
      throw new TargetNeedsAdministrator(
          "The mailbox "
              + address
              + " cannot be checked on the IMAP target "
              + server.address()
              + ": "
              + failed.message()
              + "; then retry the step");
    }
    log.info("Mailbox {} opens on IMAP target {}", address, server.address());
  }

  /**
   * Signs in as {@code mailbox} (or for it) with a secret not stored yet, as a new migration is
   * registered, and opens its INBOX read-only: the same test as the runbook's steps make.
   */
  public EndpointCheck testLogin(ImapTargetServer server, String mailbox, char[] secret) {
    String user = server.signIn() == ImapTargetServer.SignIn.PLAIN ? server.adminUser() : mailbox;
    return check(server, user, null, secret.clone());
  }

  /** Signs in as {@code mailbox} (or for it) and opens its INBOX read-only. */
  private EndpointCheck check(
      ImapTargetServer server, String address, ImapTargetServer.UserLogin own) {
    return check(
        server, address, own, own != null ? userPassword(server, own) : credential(server));
  }

  private EndpointCheck check(
      ImapTargetServer server, String address, ImapTargetServer.UserLogin own, char[] secret) {
    String mailbox = server.mailboxName(address);
    if (server.security() == ImapTargetServer.Security.PLAINTEXT && !server.allowPlaintext()) {
      Arrays.fill(secret, '\0');
      throw new TargetNeedsAdministrator(
          "The IMAP target "
              + server.address()
              + " is set to PLAINTEXT without allowPlaintext: passwords would travel unencrypted;"
              + " choose IMPLICIT_TLS or STARTTLS");
    }
    try {
      ImapEndpoint endpoint =
          new ImapEndpoint(
              server.host(),
              server.port(),
              ConnectionSecurity.valueOf(server.security().name()),
              server.allowPlaintext(),
              trustStore,
              1,
              connectTimeout,
              readTimeout,
              null,
              server.allowLegacyTls());
      ImapLogin login =
          own != null
              ? ImapLogin.password(own.user(), secret::clone)
              : switch (server.signIn()) {
                case PLAIN -> ImapLogin.password(server.adminUser(), secret::clone);
                case DELEGATED_ADMIN ->
                    ImapLogin.delegated(mailbox, server.adminUser(), secret::clone);
                case ADMIN_LOGIN_STRING ->
                    ImapLogin.adminLoginString(mailbox, server.adminUser(), secret::clone);
                case XOAUTH2 -> ImapLogin.oauth2(mailbox, user -> new String(secret));
              };
      return tester.test(new TargetAccount(endpoint, login, mailbox));
    } finally {
      Arrays.fill(secret, '\0');
    }
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

  private char[] userPassword(ImapTargetServer server, ImapTargetServer.UserLogin own) {
    try {
      return secrets.get(own.password());
    } catch (SecretUnavailable e) {
      throw new TargetNeedsAdministrator(
          "The target password of "
              + own.user()
              + " at "
              + server.address()
              + " cannot be read: "
              + e.getMessage());
    }
  }

  private static String describeLogin(
      ImapTargetServer server, String mailbox, ImapTargetServer.UserLogin own) {
    if (own != null) {
      return own.user() + " with the user's own password";
    }
    return switch (server.signIn()) {
      case PLAIN -> server.adminUser();
      case DELEGATED_ADMIN -> server.adminUser() + " acting for " + mailbox;
      case ADMIN_LOGIN_STRING ->
          "login string " + org.cutover.mailsync.LoginStrings.join(server.adminUser(), mailbox);
      case XOAUTH2 -> "XOAUTH2 for " + mailbox;
    };
  }
}
