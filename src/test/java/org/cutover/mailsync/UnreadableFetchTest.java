package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.eclipse.angus.mail.iap.ProtocolException;
import org.eclipse.angus.mail.util.MailLogger;
import org.junit.jupiter.api.Test;

/**
 * Angus drops a FETCH response whose items it cannot parse, and a message whose response is dropped
 * would be missing from a listing without a word. The engine reads such responses itself.
 */
class UnreadableFetchTest {

  private static final List<String> ODD_DATES =
      List.of(
          "* 1 FETCH (UID 11 FLAGS (\\Seen $Work) INTERNALDATE \"03-Mar-2025 10:00:00 +0100\""
              + " RFC822.SIZE 120)",
          "* 2 FETCH (UID 12 FLAGS () INTERNALDATE \"yesterday at noon\" RFC822.SIZE 99)",
          "* 3 FETCH (UID 13 FLAGS (\\Flagged) INTERNALDATE NIL RFC822.SIZE 7)");

  @Test
  void listsMessagesWhoseDateAngusCannotRead() throws Exception {
    try (ScriptedImapServer server = new ScriptedImapServer("IMAP4rev1", (m, r) -> true)) {
      server.fetchReply = ODD_DATES;
      SyncProtocol p = connect(server);

      List<SourceMessage> listed = ImapCommands.fetchMetadata(p, "1:*", 1);

      assertThat(listed).extracting(SourceMessage::uid).containsExactly(11L, 12L, 13L);
      assertThat(listed.get(0).instant()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
      assertThat(listed.get(0).internalDate()).isEqualTo("03-Mar-2025 10:00:00 +0100");
      assertThat(listed.get(0).flags().flags()).containsExactly("\\Seen", "$Work");
      assertThat(listed.get(1).internalDate()).isNull();
      assertThat(listed.get(1).instant()).isNull();
      assertThat(listed.get(1).size()).isEqualTo(99);
      assertThat(listed.get(2).flags().flags()).containsExactly("\\Flagged");
      assertThat(listed.get(2).size()).isEqualTo(7);
    }
  }

  @Test
  void keepsTheDateOfAnInternalDateSentAsALiteral() throws Exception {
    try (ScriptedImapServer server = new ScriptedImapServer("IMAP4rev1", (m, r) -> true)) {
      server.fetchReply =
          List.of(
              "* 1 FETCH (UID 21 FLAGS () INTERNALDATE {26}",
              "03-Mar-2025 10:00:00 +0100 RFC822.SIZE 5)");
      SyncProtocol p = connect(server);

      List<SourceMessage> listed = ImapCommands.fetchMetadata(p, "1:*", 1);

      assertThat(listed)
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.instant()).isEqualTo(Instant.parse("2025-03-03T09:00:00Z"));
                assertThat(ImapCommands.parseDate(m.internalDate())).isEqualTo(m.instant());
              });
    }
  }

  @Test
  void refusesToMatchByFingerprintWhenAnAnswerCannotBeRead() throws Exception {
    try (ScriptedImapServer server = new ScriptedImapServer("IMAP4rev1", (m, r) -> true)) {
      server.fetchReply = ODD_DATES;
      SyncProtocol p = connect(server);

      assertThatThrownBy(() -> ImapCommands.fetchFingerprints(p, "1:*", 1))
          .isInstanceOf(ProtocolException.class)
          .hasMessageContaining("UID 12:13 could not be read");
    }
  }

  private static SyncProtocol connect(ScriptedImapServer server) throws Exception {
    return new SyncProtocol(
        "imap",
        "127.0.0.1",
        server.port(),
        new Properties(),
        false,
        new MailLogger(UnreadableFetchTest.class, "test", false, System.out));
  }
}
