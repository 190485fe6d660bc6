package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.cutover.testsupport.kit.Fidelity;
import org.cutover.testsupport.kit.MailCorpus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A pass killed at any point, or an APPEND whose answer never came, is resumed without a duplicate
 * and without a loss.
 */
class ResumeIT {

  @TempDir Path work;

  private final List<DovecotServer> servers = new ArrayList<>();
  private final MailboxSynchronizer synchronizer = new MailboxSynchronizer();
  private final SyncOptions options =
      SyncOptions.defaults().toBuilder()
          .parallelFolders(1)
          .batch(20, 8L << 20)
          .retry(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100)))
          .build();

  @AfterEach
  void stopServers() {
    DovecotServer.stopAll(servers);
  }

  private DovecotServer[] serversWithCorpus(int messages, int seed) {
    DovecotServer src =
        DovecotServer.start(
            work.resolve("src"),
            DovecotOptions.defaults().danish().withSeparator('.').withUsers(1));
    servers.add(src);
    DovecotServer dst =
        DovecotServer.start(work.resolve("dst"), DovecotOptions.defaults().withUsers(1));
    servers.add(dst);
    MailCorpus.fill(src.kit(), MailCorpus.Settings.of(1, messages, seed));
    return new DovecotServer[] {src, dst};
  }

  /** Where the simulated kill happens. */
  enum KillPoint {
    BEFORE_RECORDING_PENDING,
    AFTER_RECORDING_PENDING,
    AFTER_APPEND_BEFORE_RECORDING_IT
  }

  static final class SimulatedKill extends Error {
    SimulatedKill() {
      super("simulated kill");
    }
  }

  /** Delegates to a real store and dies at the n-th batch at the chosen point. */
  static final class KillingStore implements SyncStateStore {
    private final SyncStateStore real;
    private final KillPoint point;
    private final int atBatch;
    private final AtomicInteger begins = new AtomicInteger();
    private final AtomicInteger finishes = new AtomicInteger();

    KillingStore(SyncStateStore real, KillPoint point, int atBatch) {
      this.real = real;
      this.point = point;
      this.atBatch = atBatch;
    }

    @Override
    public void beginAppends(String m, String f, List<PendingAppend> a) {
      int n = begins.incrementAndGet();
      if (point == KillPoint.BEFORE_RECORDING_PENDING && n == atBatch) {
        throw new SimulatedKill();
      }
      real.beginAppends(m, f, a);
      if (point == KillPoint.AFTER_RECORDING_PENDING && n == atBatch) {
        throw new SimulatedKill();
      }
    }

    @Override
    public void finishAppends(String m, String f, List<SyncedMessage> s, Collection<Long> u) {
      if (point == KillPoint.AFTER_APPEND_BEFORE_RECORDING_IT
          && finishes.incrementAndGet() == atBatch) {
        throw new SimulatedKill();
      }
      real.finishAppends(m, f, s, u);
    }

    @Override
    public Optional<FolderSyncState> load(String m, String f) {
      return real.load(m, f);
    }

    @Override
    public void replace(String m, FolderSyncState s) {
      real.replace(m, s);
    }

    @Override
    public void updateFlags(String m, String f, List<SyncedMessage> c) {
      real.updateFlags(m, f, c);
    }

    @Override
    public void forget(String m, String f, Collection<Long> u) {
      real.forget(m, f, u);
    }

    @Override
    public void markSourceState(String m, String f, long a, long b, long c) {
      real.markSourceState(m, f, a, b, c);
    }

    @Override
    public List<String> folders(String m) {
      return real.folders(m);
    }

    @Override
    public void deleteFolder(String m, String f) {
      real.deleteFolder(m, f);
    }

    @Override
    public void deleteMailbox(String m) {
      real.deleteMailbox(m);
    }
  }

  @ParameterizedTest
  @EnumSource(KillPoint.class)
  void resumesAKilledPassWithoutDuplicatesOrLosses(KillPoint point) {
    DovecotServer[] s = serversWithCorpus(120, 37);
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    KillingStore killing = new KillingStore(state, point, 3);

    assertThatThrownBy(
            () ->
                synchronizer.sync(
                    "user1",
                    s[0].source("user1"),
                    s[1].target("user1"),
                    options,
                    killing,
                    SyncProgressListener.NONE))
        .isInstanceOf(SimulatedKill.class);
    SyncOutcome resumed =
        synchronizer.sync(
            "user1",
            s[0].source("user1"),
            s[1].target("user1"),
            options,
            state,
            SyncProgressListener.NONE);

    assertThat(resumed).isInstanceOf(SyncOutcome.Synced.class);
    if (point == KillPoint.AFTER_APPEND_BEFORE_RECORDING_IT) {
      assertThat(resumed.statistics().messagesMatched()).isPositive();
    } else {
      assertThat(resumed.statistics().messagesMatched()).isZero();
    }
    Fidelity.Result c = Fidelity.compare(s[0].kit(), s[1].kit(), "user1");
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void findsTheCopyOfAnAppendWhoseAnswerWasLost() throws Exception {
    DovecotServer[] s = serversWithCorpus(100, 41);
    try (CutConnectionProxy proxy =
        new CutConnectionProxy(s[1].port(), CutConnectionProxy.Cut.LOSE_APPEND_ANSWER, 2)) {
      TargetAccount viaProxy =
          new TargetAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
              ImapLogin.password("user1", () -> "pass-user1".toCharArray()));

      SyncOutcome o =
          synchronizer.sync(
              "user1",
              s[0].source("user1"),
              viaProxy,
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(proxy.cuts()).isEqualTo(1);
      assertThat(o).isInstanceOf(SyncOutcome.Synced.class);
      assertThat(o.statistics().messagesMatched()).isPositive();
    }
    Fidelity.Result c = Fidelity.compare(s[0].kit(), s[1].kit(), "user1");
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void appendsAgainWhatAConnectionCutOffMidway() throws Exception {
    DovecotServer[] s = serversWithCorpus(100, 43);
    try (CutConnectionProxy proxy =
        new CutConnectionProxy(s[1].port(), CutConnectionProxy.Cut.CUT_APPEND_REQUEST, 3)) {
      TargetAccount viaProxy =
          new TargetAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
              ImapLogin.password("user1", () -> "pass-user1".toCharArray()));

      SyncOutcome o =
          synchronizer.sync(
              "user1",
              s[0].source("user1"),
              viaProxy,
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(proxy.cuts()).isEqualTo(1);
      assertThat(o).isInstanceOf(SyncOutcome.Synced.class);
    }
    Fidelity.Result c = Fidelity.compare(s[0].kit(), s[1].kit(), "user1");
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void waitsOutThrottlingAndCarriesOn() throws Exception {
    DovecotServer[] s = serversWithCorpus(40, 47);
    try (ThrottlingProxy proxy =
        new ThrottlingProxy(
            s[1].port(),
            3,
            "NO [THROTTLED] Request is throttled. Suggested Backoff Time: 30 milliseconds")) {
      SyncOutcome o =
          synchronizer.sync(
              "user1",
              s[0].source("user1"),
              new TargetAccount(
                  ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
                  ImapLogin.password("user1", () -> "pass-user1".toCharArray())),
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(proxy.refused()).isEqualTo(3);
      assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Synced.class);
    }
    Fidelity.Result c = Fidelity.compare(s[0].kit(), s[1].kit(), "user1");
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void tellsWhichServerAskedToWaitAndForHowLong() throws Exception {
    DovecotServer[] s = serversWithCorpus(10, 59);
    List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
    MailboxSynchronizer listened =
        MailboxSynchronizer.withPushback(
            (server, wait, answer) -> told.add(server.port() + " " + wait + " " + answer));
    try (ThrottlingProxy proxy =
        new ThrottlingProxy(
            s[1].port(),
            1,
            "NO [THROTTLED] Request is throttled. Suggested Backoff Time: 30 milliseconds")) {
      SyncOutcome o =
          listened.sync(
              "user1",
              s[0].source("user1"),
              new TargetAccount(
                  ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
                  ImapLogin.password("user1", () -> "pass-user1".toCharArray())),
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Synced.class);
      assertThat(told).singleElement().asString().startsWith(proxy.port() + " PT0.03S ");
    }
  }

  @Test
  void tellsOfAServerThatSentThePassAwayWithBye() throws Exception {
    DovecotServer[] s = serversWithCorpus(10, 61);
    List<String> told = java.util.Collections.synchronizedList(new ArrayList<>());
    MailboxSynchronizer listened =
        MailboxSynchronizer.withPushback(
            (server, wait, answer) -> told.add(server.port() + " " + answer));
    try (ThrottlingProxy proxy =
        new ThrottlingProxy(s[1].port(), 1, "* BYE Server shutting down.")) {
      SyncOutcome o =
          listened.sync(
              "user1",
              s[0].source("user1"),
              new TargetAccount(
                  ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
                  ImapLogin.password("user1", () -> "pass-user1".toCharArray())),
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(proxy.refused()).isEqualTo(1);
      assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Synced.class);
      assertThat(told)
          .singleElement()
          .asString()
          .startsWith(proxy.port() + " ")
          .contains("BYE Server shutting down");
    }
    Fidelity.Result c = Fidelity.compare(s[0].kit(), s[1].kit(), "user1");
    assertThat(c.identical()).as(c.output()).isTrue();
  }

  @Test
  void reportsAMailboxThatStaysThrottledAsUnavailableWithItsErrorLog() throws Exception {
    DovecotServer[] s = serversWithCorpus(20, 53);
    try (ThrottlingProxy proxy =
        new ThrottlingProxy(
            s[1].port(), Integer.MAX_VALUE, "NO [UNAVAILABLE] Server busy, try later")) {
      SyncOutcome o =
          synchronizer.sync(
              "user1",
              s[0].source("user1"),
              new TargetAccount(
                  ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
                  ImapLogin.password("user1", () -> "pass-user1".toCharArray())),
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Unavailable.class);
      SyncOutcome.Unavailable u = (SyncOutcome.Unavailable) o;
      assertThat(u.problem()).contains("could not be synced");
      assertThat(u.errorLog())
          .anyMatch(l -> l.contains("[UNAVAILABLE] Server busy") && l.contains("attempt 4 of 4"));
    }
  }
}
