package org.cutover.mailsync;

import java.util.Set;

/** The result of testing an endpoint with one mailbox login. */
public sealed interface EndpointCheck permits EndpointCheck.Passed, EndpointCheck.Failed {

  /**
   * Logged in and opened the mailbox's INBOX.
   *
   * @param account {@code user@host:port}
   * @param connection {@code TLSv1.3, certificate CN=…} or {@code plaintext}
   * @param capabilities what the server offers after login
   * @param messagesInInbox messages in the INBOX
   * @param warnings what works but should be fixed (an endpoint allowed to speak TLS 1.0/1.1)
   */
  record Passed(
      String account,
      String connection,
      Set<String> capabilities,
      long messagesInInbox,
      java.util.List<String> warnings)
      implements EndpointCheck {
    public Passed {
      capabilities = Set.copyOf(capabilities);
      warnings = warnings == null ? java.util.List.of() : java.util.List.copyOf(warnings);
    }

    public Passed(
        String account, String connection, Set<String> capabilities, long messagesInInbox) {
      this(account, connection, capabilities, messagesInInbox, null);
    }
  }

  /**
   * It did not work: {@code message} names the host, what failed and what to do, and never holds a
   * secret.
   */
  record Failed(EndpointProblem problem, String message) implements EndpointCheck {}
}
