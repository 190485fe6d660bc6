package org.cutover.migration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.cutover.mailsync.EndpointCheck;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.SecretSupplier;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.TrustStore;
import org.cutover.secrets.SecretStore;
import org.cutover.secrets.SecretText;
import org.cutover.tenant.ImapTarget;
import org.cutover.tenant.ImapTargetServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Tries the logins of a new migration's IMAP endpoints before anything is stored: the source's, and
 * an IMAP target's, each opening the endpoint's test mailbox (else the batch's first) as the
 * runbook will. A refused login becomes a settings problem on that endpoint with what the server
 * said, so that a wrong password is found before the runbook starts and anyone is told. A Microsoft
 * 365 target is checked by the runbook's preflight (its app and licences, over Graph).
 *
 * <p>{@code cutover.registration.test-logins=false} turns the check off, for a Cutover whose
 * servers cannot be reached from the node that registers (the runbook's preflight still checks).
 */
@Component
public class RegistrationLogins {

  private static final Logger log = LoggerFactory.getLogger(RegistrationLogins.class);

  private final EndpointTester tester;
  private final ImapTarget imapTarget;
  private final SecretStore secrets;
  private final MailSyncProperties properties;
  private final boolean enabled;

  RegistrationLogins(
      EndpointTester tester,
      ImapTarget imapTarget,
      SecretStore secrets,
      MailSyncProperties properties,
      @Value("${cutover.registration.test-logins:true}") boolean enabled) {
    this.tester = tester;
    this.imapTarget = imapTarget;
    this.secrets = secrets;
    this.properties = properties;
    this.enabled = enabled;
  }

  /** One problem per endpoint whose login failed; empty when every login opened its mailbox. */
  List<SettingsProblem> problems(NewMigration settings) {
    if (!enabled) {
      return List.of();
    }
    List<SettingsProblem> problems = new ArrayList<>();
    ImapEndpoint source = settings.source();
    MailboxEntry own = ownSourcePassword(settings);
    String sourceMailbox = own != null ? own.sourceUser() : sourceTestMailbox(settings);
    char[] sourceSecret =
        own != null
            ? secret(own.sourcePassword(), own.sourceCredentialRef())
            : secret(source.password(), source.credentialRef());
    try {
      ImapLogin login =
          own != null
              ? ImapLogin.password(sourceMailbox, () -> sourceSecret.clone())
              : login(source, sourceMailbox, () -> sourceSecret.clone());
      EndpointCheck check =
          tester.test(new SourceAccount(sourceEndpoint(source), login, sourceMailbox));
      failure(check, "source", source).ifPresent(problems::add);
    } finally {
      Arrays.fill(sourceSecret, '\0');
    }
    // A target reached with each user's own password is tried mailbox by mailbox by the
    // runbook's preflight, before anyone is told.
    if (settings.target().type() == TargetType.IMAP
        && settings.target().endpoint().hasAdminLogin()) {
      ImapEndpoint target = settings.target().endpoint();
      char[] targetSecret = secret(target.password(), target.credentialRef());
      try {
        EndpointCheck check =
            imapTarget.testLogin(targetServer(target), targetTestMailbox(settings), targetSecret);
        failure(check, "target.endpoint", target).ifPresent(problems::add);
      } finally {
        Arrays.fill(targetSecret, '\0');
      }
    }
    return problems;
  }

  private java.util.Optional<SettingsProblem> failure(
      EndpointCheck check, String path, ImapEndpoint endpoint) {
    if (!(check instanceof EndpointCheck.Failed failed)) {
      return java.util.Optional.empty();
    }
    String role = path.startsWith("source") ? "source" : "target";
    log.info(
        "Registration refused: the {} login at {}:{} failed ({})",
        role,
        endpoint.host(),
        endpoint.port(),
        failed.problem());
    return java.util.Optional.of(
        new SettingsProblem(
            "$." + path,
            RuleMessages.text(
                "cutover.login.failed." + role,
                endpoint.host() + ":" + endpoint.port(),
                failed.message())));
  }

  /**
   * The mailbox whose own password the source test uses: on a PLAIN endpoint without an admin
   * login, the test mailbox (else the first) of those that bring one.
   */
  private static MailboxEntry ownSourcePassword(NewMigration settings) {
    ImapEndpoint source = settings.source();
    if (source.auth() != ImapAuth.PLAIN || source.hasAdminLogin()) {
      return null;
    }
    String wanted = source.testMailbox();
    return settings.mailboxes().stream()
        .filter(MailboxEntry::hasSourcePassword)
        .filter(mailbox -> wanted == null || mailbox.emailAddress().equalsIgnoreCase(wanted))
        .findFirst()
        .orElse(null);
  }

  private static String sourceTestMailbox(NewMigration settings) {
    if (settings.source().auth() == ImapAuth.PLAIN) {
      return settings.source().adminUser();
    }
    String user =
        settings.source().testMailbox() != null
            ? settings.source().testMailbox()
            : settings.mailboxes().get(0).sourceUser();
    return OneLoginPerMailbox.sourceMailbox(settings.source(), user);
  }

  private static String targetTestMailbox(NewMigration settings) {
    ImapEndpoint target = settings.target().endpoint();
    return target.testMailbox() != null
        ? target.testMailbox()
        : settings.mailboxes().get(0).emailAddress();
  }

  private char[] secret(SecretText given, org.cutover.secrets.SecretRef stored) {
    return given != null && !given.isBlank() ? given.reveal() : secrets.get(stored);
  }

  private org.cutover.mailsync.ImapEndpoint sourceEndpoint(ImapEndpoint source) {
    org.cutover.mailsync.ImapEndpoint endpoint =
        new org.cutover.mailsync.ImapEndpoint(
            source.host(),
            source.port(),
            org.cutover.mailsync.ConnectionSecurity.valueOf(source.security().name()),
            source.allowPlaintext(),
            null,
            source.maxConcurrentMailboxes(),
            null,
            null,
            null,
            source.allowLegacyTls());
    return properties.trustStore() == null
        ? endpoint
        : endpoint.toBuilder()
            .trustStore(new TrustStore(properties.trustStore(), "PEM", null))
            .build();
  }

  private static ImapLogin login(ImapEndpoint endpoint, String mailbox, SecretSupplier secret) {
    return switch (endpoint.auth()) {
      case DELEGATED_ADMIN -> ImapLogin.delegated(mailbox, endpoint.adminUser(), secret);
      case ADMIN_LOGIN_STRING -> ImapLogin.adminLoginString(mailbox, endpoint.adminUser(), secret);
      case PLAIN -> ImapLogin.password(endpoint.adminUser(), secret);
      case XOAUTH2 ->
          ImapLogin.oauth2(
              mailbox,
              endpoint.tokenSource() != null
                  // The token endpoint is asked as the runbook will ask it: a wrong client secret
                  // or scope is refused here.
                  ? new org.cutover.mailsync.oauth.ClientCredentialsTokens(
                      java.net.URI.create(endpoint.tokenSource().tokenUrl()),
                      endpoint.tokenSource().clientId(),
                      secret,
                      endpoint.tokenSource().scope(),
                      java.time.Clock.systemUTC())
                  : user -> new String(secret.secret()));
    };
  }

  private static ImapTargetServer targetServer(ImapEndpoint target) {
    return new ImapTargetServer(
        target.host(),
        target.port(),
        ImapTargetServer.Security.valueOf(target.security().name()),
        target.allowPlaintext(),
        ImapTargetServer.SignIn.valueOf(target.auth().name()),
        target.adminUser(),
        null,
        target.auth().actsForUser() && target.mailboxName() == MailboxName.ALIAS,
        target.allowLegacyTls());
  }
}
