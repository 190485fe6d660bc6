package org.cutover.mailsync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cutover.testsupport.DovecotServer;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/** Changes and reads a test mailbox directly, to set up and check scenarios. */
final class TestImap implements AutoCloseable {

  private final ImapSession session;

  private TestImap(ImapSession session) {
    this.session = session;
  }

  static TestImap open(DovecotServer server, String user) {
    return open(server.source(user));
  }

  static TestImap open(MailAccount account) {
    return new TestImap(new ImapConnector().open(account, "test"));
  }

  /** Appends raw bytes with flags; returns nothing (the server keeps the bytes as given). */
  void append(String folder, String raw, String flags, String internalDate) {
    byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
    SourceMessage m = new SourceMessage(0, FlagSet.parse(flags), internalDate, null, bytes.length);
    OutgoingMessage o =
        new OutgoingMessage(
            m,
            new OutgoingMessage.InMemory(new ByteArray(bytes, 0, bytes.length)),
            FlagSet.parse(flags),
            null);
    ImapCommands.Appended a =
        session.call("APPEND", p -> ImapCommands.append(p, folder, List.of(o)));
    if (!(a instanceof ImapCommands.Appended.Stored)) {
      throw new IllegalStateException("APPEND refused: " + a);
    }
  }

  /** UIDs of a folder in ascending order. */
  List<SourceMessage> messages(String folder) {
    return session.call(
        "FETCH",
        p -> {
          ImapCommands.MailboxState s = ImapCommands.open(p, folder, true);
          return s.messages() == 0 ? List.of() : ImapCommands.fetchMetadata(p, "1:*", 1);
        });
  }

  void store(String folder, long uid, String flags, boolean add) {
    session.call(
        "STORE",
        p -> {
          ImapCommands.open(p, folder, false);
          ImapCommands.storeFlags(p, Long.toString(uid), FlagSet.parse(flags), add);
          return null;
        });
  }

  void expunge(String folder, long uid) {
    session.call(
        "EXPUNGE",
        p -> {
          ImapCommands.open(p, folder, false);
          ImapCommands.storeFlags(p, Long.toString(uid), FlagSet.parse("\\Deleted"), true);
          ImapCommands.uidExpunge(p, Long.toString(uid));
          return null;
        });
  }

  /** Names of subscribed folders. */
  List<String> subscribed() {
    return session.call(
        "LSUB",
        p -> {
          List<String> out = new ArrayList<>();
          ListInfo[] l = p.lsub("", "*");
          if (l != null) {
            for (ListInfo i : l) {
              out.add(i.name);
            }
          }
          return out;
        });
  }

  /** Creates a folder (any name: it is sent as a string in modified UTF-7). */
  void create(String folder) {
    session.call(
        "CREATE",
        p -> {
          ImapCommands.create(p, folder, null);
          return null;
        });
  }

  /** Sends a raw command; for odd set-ups only. */
  void command(String command, String atom) {
    session.call(
        command,
        p -> {
          ImapCommands.simple(p, command, new Argument().writeAtom(atom));
          return null;
        });
  }

  @Override
  public void close() {
    session.close();
  }
}
