package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SyncStateStore} must do; implementations' tests extend it. */
public abstract class SyncStateStoreContract {

  protected SyncStateStore store;

  /** A store with nothing in it. */
  protected abstract SyncStateStore emptyStore();

  @BeforeEach
  void createStore() {
    store = emptyStore();
  }

  private static FolderSyncState folder(String name, SyncedMessage... synced) {
    return FolderSyncState.fresh(name, "Target/" + name, 11, 22, List.of(synced));
  }

  @Test
  void knowsNothingAboutAFolderItNeverSaw() {
    assertThat(store.load("m1", "INBOX")).isEmpty();
    assertThat(store.folders("m1")).isEmpty();
  }

  @Test
  void keepsAFolderWithItsMessages() {
    store.replace("m1", folder("Økonomi", new SyncedMessage(1, 5, "\\Seen $label1")));

    FolderSyncState s = store.load("m1", "Økonomi").orElseThrow();

    assertThat(s.targetFolder()).isEqualTo("Target/Økonomi");
    assertThat(s.sourceUidValidity()).isEqualTo(11);
    assertThat(s.targetUidValidity()).isEqualTo(22);
    assertThat(s.synced()).containsExactly(new SyncedMessage(1, 5, "\\Seen $label1"));
    assertThat(s.pending()).isEmpty();
    assertThat(store.folders("m1")).containsExactly("Økonomi");
  }

  @Test
  void summarisesAFolderWithoutItsMessagesButWithItsPendingAppends() {
    store.replace("m1", folder("INBOX", new SyncedMessage(1, 5, "")));
    store.beginAppends("m1", "INBOX", List.of(new PendingAppend(2, "v1:1:2:3:4", "", 6)));
    store.markSourceState("m1", "INBOX", 9, 3, 2);

    FolderSyncState s = store.loadSummary("m1", "INBOX").orElseThrow();

    assertThat(s.synced()).isEmpty();
    assertThat(s.pending()).extracting(PendingAppend::sourceUid).containsExactly(2L);
    assertThat(s.sourceModSeq()).isEqualTo(9);
    assertThat(store.loadSummary("m1", "Sent")).isEmpty();
  }

  @Test
  void replacingAFolderForgetsWhatItKnewBefore() {
    store.replace("m1", folder("INBOX", new SyncedMessage(1, 5, "")));
    store.beginAppends("m1", "INBOX", List.of(new PendingAppend(2, "v1:1:2:3:4", "", 6)));

    store.replace("m1", folder("INBOX", new SyncedMessage(7, 8, "\\Seen")));

    FolderSyncState s = store.load("m1", "INBOX").orElseThrow();
    assertThat(s.synced()).containsExactly(new SyncedMessage(7, 8, "\\Seen"));
    assertThat(s.pending()).isEmpty();
  }

  @Test
  void turnsPendingAppendsIntoSyncedMessagesInOneStep() {
    store.replace("m1", folder("INBOX"));
    store.beginAppends(
        "m1",
        "INBOX",
        List.of(
            new PendingAppend(1, "v1:10:100:a:b", "\\Seen", 40),
            new PendingAppend(2, "v1:20:200:c:d", "", 40)));

    assertThat(store.load("m1", "INBOX").orElseThrow().pending())
        .extracting(PendingAppend::sourceUid)
        .containsExactlyInAnyOrder(1L, 2L);

    store.finishAppends(
        "m1", "INBOX", List.of(new SyncedMessage(1, 40, "\\Seen")), List.of(1L, 2L));

    FolderSyncState s = store.load("m1", "INBOX").orElseThrow();
    assertThat(s.pending()).isEmpty();
    assertThat(s.synced()).containsExactly(new SyncedMessage(1, 40, "\\Seen"));
  }

  @Test
  void keepsThePendingAppendsFingerprintFlagsAndFloor() {
    store.replace("m1", folder("INBOX"));
    PendingAppend p = new PendingAppend(3, "v1:10:100:abc:def", "\\Seen $Forwarded", 77);
    store.beginAppends("m1", "INBOX", List.of(p));

    assertThat(store.load("m1", "INBOX").orElseThrow().pending()).containsExactly(p);
  }

  @Test
  void updatesFlagsAndForgetsDeletedMessages() {
    store.replace(
        "m1", folder("INBOX", new SyncedMessage(1, 5, ""), new SyncedMessage(2, 6, "\\Seen")));

    store.updateFlags("m1", "INBOX", List.of(new SyncedMessage(1, 5, "\\Flagged")));
    store.forget("m1", "INBOX", List.of(2L));

    assertThat(store.load("m1", "INBOX").orElseThrow().synced())
        .containsExactly(new SyncedMessage(1, 5, "\\Flagged"));
  }

  @Test
  void remembersTheSourceStateOfTheLastCleanPass() {
    store.replace("m1", folder("INBOX", new SyncedMessage(1, 5, "")));

    store.markSourceState("m1", "INBOX", 99, 42, 7);

    FolderSyncState s = store.load("m1", "INBOX").orElseThrow();
    assertThat(s.sourceModSeq()).isEqualTo(99);
    assertThat(s.sourceUidNext()).isEqualTo(42);
    assertThat(s.sourceMessages()).isEqualTo(7);
    assertThat(s.synced()).hasSize(1);
  }

  @Test
  void keepsMailboxesApartAndDeletesThem() {
    store.replace("m1", folder("INBOX", new SyncedMessage(1, 5, "")));
    store.replace("m1", folder("Sent", new SyncedMessage(1, 6, "")));
    store.replace("m2", folder("INBOX", new SyncedMessage(9, 9, "")));

    store.deleteFolder("m1", "Sent");
    assertThat(store.folders("m1")).containsExactly("INBOX");
    store.deleteMailbox("m1");

    assertThat(store.load("m1", "INBOX")).isEmpty();
    assertThat(store.load("m2", "INBOX").orElseThrow().synced()).hasSize(1);
  }

  @Test
  void takesConcurrentWritesToDifferentFolders() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> running = new java.util.ArrayList<>();
      for (int f = 0; f < 4; f++) {
        String name = "F" + f;
        running.add(
            pool.submit(
                () -> {
                  store.replace("m1", folder(name));
                  for (long uid = 1; uid <= 50; uid++) {
                    store.beginAppends(
                        "m1", name, List.of(new PendingAppend(uid, "v1:1:1:a:b", "", uid)));
                    store.finishAppends(
                        "m1", name, List.of(new SyncedMessage(uid, uid + 100, "")), List.of(uid));
                  }
                  return null;
                }));
      }
      for (Future<?> r : running) {
        r.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    for (int f = 0; f < 4; f++) {
      FolderSyncState s = store.load("m1", "F" + f).orElseThrow();
      assertThat(s.synced()).hasSize(50);
      assertThat(s.pending()).isEmpty();
    }
  }
}
