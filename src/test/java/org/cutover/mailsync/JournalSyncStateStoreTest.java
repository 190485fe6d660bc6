package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSyncStateStoreTest extends SyncStateStoreContract {

  @TempDir Path dir;
  private final List<JournalSyncStateStore> opened = new ArrayList<>();

  @Override
  protected SyncStateStore emptyStore() {
    return open(dir.resolve("contract-" + opened.size() + ".state"));
  }

  @AfterEach
  void closeAll() {
    opened.forEach(JournalSyncStateStore::close);
  }

  private JournalSyncStateStore open(Path file) {
    try {
      JournalSyncStateStore s = JournalSyncStateStore.open(file);
      opened.add(s);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every kind of change, as a pass makes them. */
  private static void fill(SyncStateStore s) {
    s.replace(
        "m1",
        FolderSyncState.fresh(
            "Økonomi/Æble", "Finance/Æble", 11, 22, List.of(new SyncedMessage(1, 5, "\\Seen"))));
    s.replace("m1", FolderSyncState.fresh("Gone", "Gone", 1, 1, List.of()));
    s.replace("m2", FolderSyncState.fresh("INBOX", "INBOX", 3, 4, List.of()));
    s.beginAppends(
        "m1",
        "Økonomi/Æble",
        List.of(new PendingAppend(2, "v1:a", "\\Flagged", 6), new PendingAppend(3, "v1:b", "", 6)));
    s.finishAppends(
        "m1", "Økonomi/Æble", List.of(new SyncedMessage(2, 6, "\\Flagged")), List.of(2L));
    s.updateFlags("m1", "Økonomi/Æble", List.of(new SyncedMessage(1, 5, "\\Seen $Kunde")));
    s.forget("m1", "Økonomi/Æble", List.of(99L));
    s.markSourceState("m1", "Økonomi/Æble", 77, 4, 3);
    s.deleteFolder("m1", "Gone");
    s.deleteMailbox("m2");
  }

  private static void assertFilled(SyncStateStore s) {
    FolderSyncState f = s.load("m1", "Økonomi/Æble").orElseThrow();
    assertThat(f.targetFolder()).isEqualTo("Finance/Æble");
    assertThat(f.sourceUidValidity()).isEqualTo(11);
    assertThat(f.targetUidValidity()).isEqualTo(22);
    assertThat(f.sourceModSeq()).isEqualTo(77);
    assertThat(f.sourceUidNext()).isEqualTo(4);
    assertThat(f.sourceMessages()).isEqualTo(3);
    assertThat(f.synced())
        .containsExactly(
            new SyncedMessage(1, 5, "\\Seen $Kunde"), new SyncedMessage(2, 6, "\\Flagged"));
    assertThat(f.pending()).containsExactly(new PendingAppend(3, "v1:b", "", 6));
    assertThat(s.folders("m1")).containsExactly("Økonomi/Æble");
    assertThat(s.folders("m2")).isEmpty();
  }

  @Test
  void readsBackEveryChangeAfterAKill() {
    Path file = dir.resolve("m.state");
    JournalSyncStateStore first = open(file);
    fill(first);
    // no close: the records were written as the calls returned

    assertFilled(open(file));
  }

  @Test
  void rewritesCompactlyOnCloseAndReadsTheSame() throws IOException {
    Path file = dir.resolve("m.state");
    JournalSyncStateStore first = open(file);
    for (int round = 0; round < 300; round++) {
      fill(first);
    }
    long journal = Files.size(file);
    first.close();

    assertThat(Files.size(file)).isLessThan(journal / 10);
    assertFilled(open(file));
  }

  @Test
  void keepsFoldersNobodyReadWhenRewritingAReopenedFile() throws IOException {
    Path file = dir.resolve("m.state");
    JournalSyncStateStore first = open(file);
    List<SyncedMessage> many = copied(500, 1000, uid -> uid % 3 == 0 ? "\\Seen $Æble" : "");
    first.replace("m1", FolderSyncState.fresh("Arkiv", "Archive", 5, 6, many));
    first.replace("m1", FolderSyncState.fresh("INBOX", "INBOX", 7, 8, List.of()));
    first.beginAppends("m1", "Arkiv", List.of(new PendingAppend(501, "v1:x", "\\Seen", 1501)));
    first.markSourceState("m1", "Arkiv", 42, 502, 501);
    first.close();

    JournalSyncStateStore second = open(file);
    FolderSyncState summary = second.loadSummary("m1", "Arkiv").orElseThrow();
    for (int round = 0; round < 2000; round++) { // enough change to have it rewritten on close
      second.markSourceState("m1", "INBOX", round, 1, 0);
    }
    second.markSourceState("m1", "Arkiv", 43, 502, 501);
    second.close();
    JournalSyncStateStore third = open(file); // changes to messages nobody has read
    third.finishAppends(
        "m1", "Arkiv", List.of(new SyncedMessage(501, 1501, "\\Seen")), List.of(501L));
    third.updateFlags("m1", "Arkiv", List.of(new SyncedMessage(3, 1003, "")));
    third.forget("m1", "Arkiv", List.of(1L, 2L));
    List<SyncedMessage> expected = new ArrayList<>(many.subList(2, many.size()));
    expected.set(0, new SyncedMessage(3, 1003, ""));
    expected.add(new SyncedMessage(501, 1501, "\\Seen"));
    FolderSyncState afterKill = open(file).load("m1", "Arkiv").orElseThrow(); // third not closed
    for (int round = 0; round < 2000; round++) {
      third.markSourceState("m1", "INBOX", round, 1, 0);
    }
    third.close();

    assertThat(summary.synced()).isEmpty();
    assertThat(summary.pending()).containsExactly(new PendingAppend(501, "v1:x", "\\Seen", 1501));
    assertThat(summary.sourceModSeq()).isEqualTo(42);
    assertThat(Files.size(file)).isLessThan(40_000); // rewritten twice
    assertThat(afterKill.synced()).containsExactlyElementsOf(expected);
    assertThat(afterKill.pending()).isEmpty();
    FolderSyncState arkiv = open(file).load("m1", "Arkiv").orElseThrow();
    assertThat(arkiv.synced()).containsExactlyElementsOf(expected);
    assertThat(arkiv.pending()).isEmpty();
    assertThat(arkiv.sourceModSeq()).isEqualTo(43);
    assertThat(arkiv.targetFolder()).isEqualTo("Archive");
  }

  @Test
  void staysSmallOverManySmallPasses() throws IOException {
    Path file = dir.resolve("m.state");
    JournalSyncStateStore first = open(file);
    List<SyncedMessage> many = copied(2000, 0, uid -> "\\Seen");
    first.replace("m1", FolderSyncState.fresh("INBOX", "INBOX", 1, 1, many));
    first.close();
    long compact = Files.size(file);

    for (long pass = 1; pass <= 1000; pass++) { // a few new messages each time, as incremental runs
      JournalSyncStateStore s = open(file);
      s.beginAppends("m1", "INBOX", List.of(new PendingAppend(2000 + pass, "v1:p", "", 1)));
      s.finishAppends(
          "m1",
          "INBOX",
          List.of(new SyncedMessage(2000 + pass, 2000 + pass, "")),
          List.of(2000 + pass));
      s.markSourceState("m1", "INBOX", pass, 2001 + pass, 2000 + pass);
      s.close();
    }

    assertThat(Files.size(file)).isLessThan(5 * compact / 2);
    FolderSyncState inbox = open(file).load("m1", "INBOX").orElseThrow();
    assertThat(inbox.synced()).hasSize(3000);
    assertThat(inbox.pending()).isEmpty();
    assertThat(inbox.sourceModSeq()).isEqualTo(1000);
  }

  /** Messages 1..count, copied to UID + {@code offset}. */
  private static List<SyncedMessage> copied(int count, long offset, LongFunction<String> flags) {
    List<SyncedMessage> out = new ArrayList<>();
    for (long uid = 1; uid <= count; uid++) {
      out.add(new SyncedMessage(uid, uid + offset, flags.apply(uid)));
    }
    return out;
  }

  @Test
  void dropsAnIncompleteLastRecordAndGoesOn() throws IOException {
    Path file = dir.resolve("m.state");
    fill(open(file));
    long whole = Files.size(file);
    // a run killed while writing: part of a record at the end
    Files.write(file, new byte[] {0, 0, 0, 40, 1, 2, 3}, StandardOpenOption.APPEND);

    JournalSyncStateStore again = open(file);
    assertFilled(again);
    assertThat(Files.size(file)).isEqualTo(whole);
    again.markSourceState("m1", "Økonomi/Æble", 78, 4, 3);
    assertThat(open(file).loadSummary("m1", "Økonomi/Æble").orElseThrow().sourceModSeq())
        .isEqualTo(78);
  }

  @Test
  void ignoresARecordWhoseChecksumIsWrong() throws IOException {
    Path file = dir.resolve("m.state");
    JournalSyncStateStore first = open(file);
    first.replace("m1", FolderSyncState.fresh("INBOX", "INBOX", 1, 2, List.of()));
    long before = Files.size(file);
    first.markSourceState("m1", "INBOX", 5, 6, 7);
    byte[] bytes = Files.readAllBytes(file);
    bytes[bytes.length - 1] ^= 1; // the last record damaged
    Files.write(file, bytes);

    FolderSyncState read = open(file).loadSummary("m1", "INBOX").orElseThrow();
    assertThat(read.sourceModSeq()).isZero();
    assertThat(Files.size(file)).isEqualTo(before);
  }

  @Test
  void refusesAFileThatIsNotAStateFile() throws IOException {
    Path file = dir.resolve("other.mv.db");
    Files.writeString(file, "H2 database file", StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> JournalSyncStateStore.open(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("is not a Cutover sync state file");
  }

  @Test
  void changesNothingForAFolderItDoesNotKnow() throws IOException {
    Path file = dir.resolve("m.state");
    JournalSyncStateStore s = open(file);
    long empty = Files.size(file);

    assertThatThrownBy(() -> s.markSourceState("m1", "INBOX", 1, 2, 3))
        .isInstanceOf(IllegalStateException.class);
    assertThat(Files.size(file)).isEqualTo(empty);
  }
}
