package org.cutover.mailsync;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tests an endpoint with one mailbox login (for a migration: the administrator's delegated login to
 * a test mailbox): connects, checks TLS, logs in, and opens the INBOX read-only. Every failure
 * comes back as a message naming the host and what to fix.
 */
public final class EndpointTester {

  private static final Logger log = LoggerFactory.getLogger(EndpointTester.class);

  private final ImapConnector connector = new ImapConnector();

  public EndpointCheck test(MailAccount account) {
    String role = account instanceof TargetAccount ? "target" : "source";
    try (ImapSession session = connector.open(account, role)) {
      ImapCommands.MailboxState inbox;
      try {
        inbox = session.call("EXAMINE INBOX", p -> ImapCommands.open(p, "INBOX", true));
      } catch (ImapFailure f) {
        if (f.problem() != EndpointProblem.COMMAND_REFUSED) {
          throw f;
        }
        throw new ImapFailure(
            EndpointProblem.NO_MAILBOX_ACCESS,
            "Logged in to the "
                + role
                + " server "
                + account.endpoint().address()
                + " as "
                + account.login()
                + " but could not open the INBOX of '"
                + account.login().mailboxUser()
                + "' ("
                + f.getMessage()
                + "): give the login full access to that mailbox");
      }
      EndpointCheck.Passed passed =
          new EndpointCheck.Passed(
              account.describe(),
              session.connectionDescription(),
              session.capabilities(),
              inbox.messages(),
              account.endpoint().legacyTlsAllowed()
                  ? java.util.List.of(
                      LegacyTls.warning("The " + role + " server " + account.endpoint().address()))
                  : java.util.List.of());
      passed.warnings().forEach(w -> log.warn("Endpoint {}: {}", account.describe(), w));
      log.info(
          "Endpoint test passed for {} ({}), {} messages in INBOX",
          account.describe(),
          passed.connection(),
          passed.messagesInInbox());
      return passed;
    } catch (ImapFailure f) {
      log.info("Endpoint test failed for {}: {}", account.describe(), f.problem());
      return new EndpointCheck.Failed(f.problem(), f.getMessage());
    }
  }
}
