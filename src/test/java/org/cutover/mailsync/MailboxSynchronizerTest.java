package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import org.cutover.testsupport.LoopbackMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine between two in-process IMAP servers (GreenMail: no SPECIAL-USE, no CONDSTORE, '.' as
 * separator): the fast checks of what the Dovecot tests cover in depth.
 */
class MailboxSynchronizerTest {

  private static final String USER = "anna";
  private static final String PASSWORD = "secret-anna";

  private GreenMail source;
  private GreenMail target;
  private final SyncStateStore state = new InMemorySyncStateStore();
  private final MailboxSynchronizer synchronizer = new MailboxSynchronizer();

  @BeforeEach
  void servers() throws Exception {
    source = server();
    target = server();
    append("INBOX", message("Velkommen", "2024-01-02"), new Flags(Flags.Flag.SEEN));
    Flags flaggedWithKeyword = new Flags(Flags.Flag.FLAGGED);
    flaggedWithKeyword.add("$Label1");
    append("INBOX", message("Faktura 17", "2024-02-03"), flaggedWithKeyword);
    append(
        "Projekter.Ærø 2025", message("Tegninger", "2024-03-04"), new Flags(Flags.Flag.ANSWERED));
    append("Projekter.Ærø 2025", message("Tilbud", "2024-03-05"), new Flags());
    append("Kalender", message("Not mail", "2024-04-05"), new Flags());
  }

  @AfterEach
  void stop() {
    source.stop();
    target.stop();
  }

  @Test
  void copiesNestedDanishFoldersWithTheirBytesFlagsAndDates() throws Exception {
    SyncOutcome outcome = sync(SyncOptions.defaults());

    assertThat(outcome).isInstanceOf(SyncOutcome.Synced.class);
    assertThat(outcome.statistics().messagesCopied()).isEqualTo(4);
    assertThat(((SyncOutcome.Synced) outcome).skippedFolders())
        .extracting(SkippedFolder::folder)
        .containsExactly("Kalender");
    for (String folder : List.of("INBOX", "Projekter.Ærø 2025")) {
      assertThat(snapshot(target, folder)).isEqualTo(snapshot(source, folder));
    }
    assertThat(snapshot(target, "Kalender")).isEmpty();
  }

  @Test
  void aSecondPassCopiesOnlyWhatIsNewAndBringsChangedFlagsAcross() throws Exception {
    sync(SyncOptions.defaults());
    assertThat(sync(SyncOptions.defaults()).statistics().messagesCopied()).isZero();

    append("INBOX", message("Ny besked", "2024-05-06"), new Flags());
    setFlag(source, "Projekter.Ærø 2025", "Tilbud", Flags.Flag.SEEN);
    SyncOutcome third = sync(SyncOptions.defaults());

    assertThat(third.statistics().messagesCopied()).isEqualTo(1);
    assertThat(third.statistics().flagsUpdated()).isEqualTo(1);
    assertThat(snapshot(target, "INBOX")).isEqualTo(snapshot(source, "INBOX"));
    assertThat(snapshot(target, "Projekter.Ærø 2025"))
        .isEqualTo(snapshot(source, "Projekter.Ærø 2025"));
  }

  @Test
  void aMessageLeftOutBelowNewerCopiesIsCopiedWhenALaterPassAllowsIt() throws Exception {
    append("INBOX", message("Stor vedhæftning", "2024-05-01") + "x".repeat(20_000), new Flags());
    append("INBOX", message("Lille svar", "2024-05-02"), new Flags(Flags.Flag.SEEN));
    SyncOutcome limited = sync(SyncOptions.defaults().toBuilder().maxMessageBytes(10_000).build());
    assertThat(((SyncOutcome.Synced) limited).skippedItems()).hasSize(1);
    assertThat(snapshot(target, "INBOX")).hasSize(3);

    // The large message's UID is below the newest copied one; a pass reads its date and size anew.
    SyncOutcome unlimited = sync(SyncOptions.defaults());

    // GreenMail rewrites the raw 8-bit subject ("vedhæftning") when it stores the copy
    assertThat(unlimited.statistics().messagesCopied()).isZero();
    assertThat(unlimited.statistics().messagesAltered()).isEqualTo(1);
    assertThat(snapshot(target, "INBOX"))
        .hasSize(4)
        .containsExactlyInAnyOrderElementsOf(snapshot(source, "INBOX"));
  }

  @Test
  void keepsTheCopyOfAMessageDeletedOnTheSourceByDefault() throws Exception {
    sync(SyncOptions.defaults());
    expunge(source, "INBOX", "Faktura 17");

    assertThat(sync(SyncOptions.defaults()).statistics().deletedOnTarget()).isZero();
    assertThat(snapshot(target, "INBOX")).hasSize(2);
  }

  @Test
  void deletesTheCopyTooWhenToldTo() throws Exception {
    SyncOptions deleting =
        SyncOptions.defaults().toBuilder()
            .deletedOnSource(DeletedOnSource.DELETE_ON_TARGET)
            .build();
    sync(deleting);
    expunge(source, "INBOX", "Faktura 17");

    assertThat(sync(deleting).statistics().deletedOnTarget()).isEqualTo(1);
    assertThat(snapshot(target, "INBOX")).isEqualTo(snapshot(source, "INBOX")).hasSize(1);
  }

  @Test
  void leavesExcludedFoldersOutAndSaysSo() throws Exception {
    SyncOutcome outcome =
        sync(SyncOptions.defaults().toBuilder().excludedFolders(List.of("Projekter/*")).build());

    assertThat(outcome.statistics().messagesCopied()).isEqualTo(3);
    assertThat(((SyncOutcome.Synced) outcome).skippedFolders())
        .extracting(SkippedFolder::folder)
        .contains("Projekter/Ærø 2025");
    assertThat(snapshot(target, "Projekter.Ærø 2025")).isEmpty();
  }

  @Test
  void aWrongPasswordNeedsTheAdministratorAndCopiesNothing() {
    SyncOutcome outcome =
        synchronizer.sync(
            USER,
            new SourceAccount(endpoint(source), ImapLogin.password(USER, "wrong"::toCharArray)),
            new TargetAccount(endpoint(target), ImapLogin.password(USER, PASSWORD::toCharArray)),
            SyncOptions.defaults(),
            state,
            SyncProgressListener.NONE);

    assertThat(outcome).isInstanceOf(SyncOutcome.NeedsAdministrator.class);
    assertThat(((SyncOutcome.NeedsAdministrator) outcome).problem())
        .contains(USER)
        .doesNotContain("wrong");
    assertThat(target.getReceivedMessages()).isEmpty();
  }

  private SyncOutcome sync(SyncOptions options) {
    return synchronizer.sync(
        USER,
        new SourceAccount(endpoint(source), ImapLogin.password(USER, PASSWORD::toCharArray)),
        new TargetAccount(endpoint(target), ImapLogin.password(USER, PASSWORD::toCharArray)),
        options,
        state,
        SyncProgressListener.NONE);
  }

  private static GreenMail server() {
    GreenMail server = LoopbackMail.imap();
    server.start();
    server.setUser(USER + "@contoso.test", USER, PASSWORD);
    return server;
  }

  private static ImapEndpoint endpoint(GreenMail server) {
    return ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", server.getImap().getPort());
  }

  private static String message(String subject, String day) {
    return "From: Bo <bo@contoso.test>\r\nTo: anna@contoso.test\r\nSubject: "
        + subject
        + "\r\nMessage-ID: <"
        + subject.replace(' ', '.')
        + "@contoso.test>\r\nDate: "
        + day
        + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej Anna, se "
        + subject
        + ".\r\n";
  }

  /**
   * When the source messages arrived. Not the current time: GreenMail reads APPEND dates on a
   * 12-hour clock, so a copy made between 12:00 and 12:59 would land 12 hours early on it.
   */
  private static final Date ARRIVAL = Date.from(Instant.parse("2024-06-03T09:30:15Z"));

  private void append(String folderName, String raw, Flags flags) throws Exception {
    try (Store store = store(source)) {
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        folder.create(Folder.HOLDS_MESSAGES | Folder.HOLDS_FOLDERS);
      }
      MimeMessage message =
          new MimeMessage(
              Session.getInstance(new Properties()),
              new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public Date getReceivedDate() {
              return ARRIVAL; // the APPEND's date
            }
          };
      message.setFlags(flags, true);
      folder.appendMessages(new Message[] {message});
    }
  }

  private static void setFlag(GreenMail server, String folderName, String subject, Flags.Flag flag)
      throws Exception {
    try (Store store = store(server)) {
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_WRITE);
      for (Message message : folder.getMessages()) {
        if (subject.equals(message.getSubject())) {
          message.setFlag(flag, true);
        }
      }
      folder.close(false);
    }
  }

  private static void expunge(GreenMail server, String folderName, String subject)
      throws Exception {
    try (Store store = store(server)) {
      Folder folder = store.getFolder(folderName);
      folder.open(Folder.READ_WRITE);
      for (Message message : folder.getMessages()) {
        if (subject.equals(message.getSubject())) {
          message.setFlag(Flags.Flag.DELETED, true);
        }
      }
      folder.close(true);
    }
  }

  /** Each message of a folder: its bytes, flags and INTERNALDATE, in order. */
  private static List<String> snapshot(GreenMail server, String folderName) throws Exception {
    try (Store store = store(server)) {
      Folder folder = store.getFolder(folderName);
      if (!folder.exists()) {
        return List.of();
      }
      folder.open(Folder.READ_ONLY);
      List<String> messages = new ArrayList<>();
      for (Message message : folder.getMessages()) {
        messages.add(
            bytes(message)
                + " | "
                + flags(message.getFlags())
                + " | "
                + ((MimeMessage) message).getReceivedDate().getTime() / 1000);
      }
      folder.close(false);
      return messages;
    }
  }

  private static String bytes(Message message) throws IOException, MessagingException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    message.writeTo(raw);
    return raw.toString(StandardCharsets.UTF_8);
  }

  private static String flags(Flags flags) {
    List<String> names = new ArrayList<>(List.of(flags.getUserFlags()));
    for (Flags.Flag flag : flags.getSystemFlags()) {
      if (flag == Flags.Flag.SEEN) {
        names.add("\\Seen");
      } else if (flag == Flags.Flag.FLAGGED) {
        names.add("\\Flagged");
      } else if (flag == Flags.Flag.ANSWERED) {
        names.add("\\Answered");
      } else if (flag == Flags.Flag.DELETED) {
        names.add("\\Deleted");
      } else if (flag == Flags.Flag.DRAFT) {
        names.add("\\Draft");
      }
    }
    names.sort(null);
    return String.join(" ", names);
  }

  private static Store store(GreenMail server) throws MessagingException {
    Properties properties = new Properties();
    // reading a message must not mark it \Seen
    properties.setProperty("mail.imap.peek", "true");
    Store store = Session.getInstance(properties).getStore("imap");
    store.connect("127.0.0.1", server.getImap().getPort(), USER, PASSWORD);
    return store;
  }
}
