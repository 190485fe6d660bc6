package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxSynchronizerIT {

  @TempDir Path work;

  private final List<DovecotServer> servers = new ArrayList<>();
  private final MailboxSynchronizer synchronizer = new MailboxSynchronizer();
  private final SyncOptions options =
      SyncOptions.defaults()
          .withRetry(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofMillis(200)));

  @AfterEach
  void stopServers() {
    DovecotServer.stopAll(servers);
  }

  private DovecotServer danishSource(int users) {
    DovecotServer s =
        DovecotServer.start(
            work.resolve("src"),
            false,
            "--names",
            "--sep",
            ".",
            "--users",
            Integer.toString(users));
    servers.add(s);
    return s;
  }

  private DovecotServer englishTarget(int users) {
    DovecotServer s =
        DovecotServer.start(
            work.resolve("dst"), false, "--sep", "/", "--users", Integer.toString(users));
    servers.add(s);
    return s;
  }

  private SyncOutcome sync(
      String user, DovecotServer src, DovecotServer dst, SyncStateStore store) {
    return synchronizer.sync(
        user, src.source(user), dst.target(user), options, store, SyncProgressListener.NONE);
  }

  private static SyncOutcome.Synced synced(SyncOutcome o) {
    assertThat(o).isInstanceOf(SyncOutcome.Synced.class);
    return (SyncOutcome.Synced) o;
  }

  @Test
  void copiesACorpusByteForByteIntoTheTargetsOwnSpecialFolders() {
    DovecotServer src = danishSource(2);
    DovecotServer dst = englishTarget(2);
    BenchKit.makeCorpus(work, src.port(), 2, 150, 3, 0);
    SyncStateStore store = new InMemorySyncStateStore();

    SyncOutcome.Synced first = synced(sync("user1", src, dst, store));
    synced(sync("user2", src, dst, store));

    assertThat(first.statistics().messagesCopied()).isEqualTo(150);
    assertThat(first.skippedItems()).isEmpty();
    BenchKit.Comparison c = BenchKit.compare(work, src.port(), dst.port(), "user1,user2");
    assertThat(c.identical()).as(c.output()).isTrue();
  }
}
