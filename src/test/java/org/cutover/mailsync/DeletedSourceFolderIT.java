package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source folder deleted while it is copied is reported as gone, not as unreadable messages. */
class DeletedSourceFolderIT {

  @TempDir Path work;

  private DovecotServer source;
  private DovecotServer target;

  @AfterEach
  void stop() {
    if (source != null) {
      source.close();
    }
    if (target != null) {
      target.close();
    }
  }

  @Test
  void saysThatAFolderDeletedDuringThePassIsGone() {
    source = DovecotServer.start(work.resolve("src"), DovecotOptions.defaults().withUsers(1));
    target = DovecotServer.start(work.resolve("dst"), DovecotOptions.defaults().withUsers(1));
    try (TestImap s = TestImap.open(source, "user1")) {
      s.create("Arkiv");
      for (int i = 0; i < 200; i++) {
        s.append(
            "Arkiv",
            "From: a@example.test\r\nSubject: Besked " + i + "\r\n\r\nTekst " + i + "\r\n",
            "",
            "01-Feb-2024 10:00:00 +0000");
      }
    }
    SyncOptions options =
        SyncOptions.defaults().toBuilder()
            .parallelFolders(1)
            .batch(10, 8L << 20)
            .retry(new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(50)))
            .build();
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    AtomicBoolean deleted = new AtomicBoolean();
    SyncProgressListener deleteOnFirstBatch =
        p -> {
          if (p.messagesCopied() > 0 && deleted.compareAndSet(false, true)) {
            try (TestImap s = TestImap.open(source, "user1")) {
              s.command("DELETE", "Arkiv");
            }
          }
        };

    SyncOutcome during =
        new MailboxSynchronizer()
            .sync(
                "user1",
                source.source("user1"),
                target.target("user1"),
                options,
                state,
                deleteOnFirstBatch);
    SyncOutcome next =
        new MailboxSynchronizer()
            .sync(
                "user1",
                source.source("user1"),
                target.target("user1"),
                options,
                state,
                SyncProgressListener.NONE);

    assertThat(deleted).isTrue();
    assertThat(during).as(during.toString()).isInstanceOf(SyncOutcome.Failed.class);
    SyncOutcome.Failed failed = (SyncOutcome.Failed) during;
    assertThat(failed.skippedItems()).isEmpty();
    assertThat(failed.problem()).contains("'Arkiv' was deleted");
    assertThat(next).as(next.toString()).isInstanceOf(SyncOutcome.Synced.class);
    assertThat(next.notes()).anyMatch(n -> n.contains("Source folder 'Arkiv' is gone"));
  }
}
