package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections share mail sessions, while each still logs in as its own user. */
class ImapConnectorTest {

  private GreenMail server;
  private ImapEndpoint endpoint;

  @BeforeEach
  void start() {
    server = LoopbackMail.imap();
    server.start();
    GreenMailUser anna = server.setUser("anna@contoso.test", "anna", "anna-pass");
    server.setUser("bo@contoso.test", "bo", "bo-pass");
    for (int i = 1; i <= 2; i++) {
      anna.deliver(
          GreenMailUtil.createTextEmail(
              "anna@contoso.test",
              "sender@example.test",
              "Message " + i,
              "Body",
              server.getImap().getServerSetup()));
    }
    endpoint = ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.getImap().getPort());
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void connectionsOfPasswordLoginsToOneEndpointShareASession() {
    MailSessions sessions = new MailSessions();
    ImapConnector connector = new ImapConnector(sessions);

    try (ImapSession anna1 = connector.open(account("anna"), "source");
        ImapSession anna2 = connector.open(account("anna"), "source");
        ImapSession bo = connector.open(account("bo"), "source")) {

      assertThat(sessions.size()).isOne();
      assertThat(inboxMessages(anna1)).isEqualTo(2);
      assertThat(inboxMessages(anna2)).isEqualTo(2);
      assertThat(inboxMessages(bo)).as("bo's own INBOX").isZero();
    }
  }

  @Test
  void delegatedLoginsForTwoMailboxesEachActForTheirOwn() throws Exception {
    List<String> logins = new CopyOnWriteArrayList<>();
    try (ScriptedImapServer scripted =
        new ScriptedImapServer(
            "IMAP4rev1 SASL-IR AUTH=PLAIN",
            (mech, initial) -> {
              logins.add(new String(Base64.getDecoder().decode(initial), StandardCharsets.UTF_8));
              return true;
            })) {
      ImapEndpoint ep = ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", scripted.port());
      MailSessions sessions = new MailSessions();
      ImapConnector connector = new ImapConnector(sessions);

      // one after the other: the scripted server talks to one connection at a time
      for (String user : List.of("user1", "user2", "user1")) {
        try (ImapSession s = connector.open(delegated(ep, user), "source")) {
          assertThat(inboxMessages(s)).isEqualTo(3);
        }
      }

      assertThat(sessions.size()).as("one session for the endpoint's mailboxes").isOne();
      assertThat(logins)
          .containsExactly(
              "user1\u0000admin\u0000admin-pass",
              "user2\u0000admin\u0000admin-pass",
              "user1\u0000admin\u0000admin-pass");
    }
  }

  private SourceAccount account(String user) {
    return new SourceAccount(
        endpoint, ImapLogin.password(user, () -> (user + "-pass").toCharArray()));
  }

  private static SourceAccount delegated(ImapEndpoint ep, String user) {
    return new SourceAccount(
        ep, ImapLogin.delegated(user, "admin", () -> "admin-pass".toCharArray()));
  }

  private static long inboxMessages(ImapSession session) {
    return session.call("EXAMINE INBOX", p -> ImapCommands.open(p, "INBOX", true)).messages();
  }
}
