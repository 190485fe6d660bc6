package org.cutover.mailsync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cutover.testsupport.CyrusServer;
import org.cutover.testsupport.DovecotServer;
import org.cutover.testsupport.kit.DovecotOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A target that rewrites what it stores: Cyrus IMAP at Debian's defaults replaces raw 8-bit bytes
 * in headers. Its copies are reported as altered, and are found again after kills and with a lost
 * state, so nothing is appended twice, messages without a Message-ID included.
 */
class RewritingTargetIT {

  private static final int PLAIN = 30;

  @TempDir Path work;

  private DovecotServer source;
  private CyrusServer cyrus;
  private int rewritten;
  private int total;
  private final MailboxSynchronizer synchronizer = new MailboxSynchronizer();
  private SyncOptions options;

  @BeforeEach
  void servers() {
    source = DovecotServer.start(work.resolve("src"), DovecotOptions.defaults().withUsers(1));
    cyrus = CyrusServer.start("user1");
    options =
        SyncOptions.defaults().toBuilder()
            .parallelFolders(1)
            .batch(5, 8L << 20)
            .largeMessages(64 * 1024, work.resolve("spool"))
            .retry(new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100)))
            .build();
    try (TestImap src = TestImap.open(source, "user1")) {
      for (int i = 0; i < PLAIN; i++) {
        String date = String.format("%02d-Mar-2024 10:%02d:00 +0000", 1 + i % 28, i);
        boolean eightBit = i % 2 == 0;
        boolean messageId = i % 3 != 0;
        String raw =
            (eightBit ? "From: Jørgen Sø <j@example.test>\r\n" : "From: Jon <j@example.test>\r\n")
                + (messageId ? "Message-ID: <m" + i + "@example.test>\r\n" : "")
                + "Subject: "
                + (eightBit ? "Blåbærgrød " : "Plain ")
                + i
                + "\r\n\r\nBody of message "
                + i
                + ", æøå\r\n";
        src.append("INBOX", raw, i % 5 == 0 ? "\\Seen" : "", date);
        total++;
        rewritten += eightBit ? 1 : 0;
      }
      // Duplicates on the source stay duplicates: same bytes and date, with and without an ID.
      String dupWithId =
          "From: Åse <a@example.test>\r\nMessage-ID: <dup@example.test>\r\nSubject: Tvilling\r\n\r\nsame\r\n";
      String dupWithoutId =
          "From: Åse <a@example.test>\r\nSubject: Tvilling uden id\r\n\r\nsame\r\n";
      for (int copy = 0; copy < 2; copy++) {
        src.append("INBOX", dupWithId, "", "05-Apr-2024 09:00:00 +0000");
        src.append("INBOX", dupWithoutId, "", "05-Apr-2024 09:00:00 +0000");
        total += 2;
        rewritten += 2;
      }
      // A large message, copied through a spool file.
      String large =
          "From: Bjørn <b@example.test>\r\nSubject: Stor besked\r\n\r\n"
              + "0123456789abcdef".repeat(20_000)
              + "\r\n";
      src.append("INBOX", large, "", "06-Apr-2024 09:00:00 +0000");
      total++;
      rewritten++;
    }
  }

  @AfterEach
  void stop() {
    if (cyrus != null) {
      cyrus.close();
    }
    if (source != null) {
      source.close();
    }
  }

  private SyncOutcome pass(SyncStateStore state, SyncOptions with) {
    return synchronizer.sync(
        "user1",
        source.source("user1"),
        cyrus.target("user1"),
        with,
        state,
        SyncProgressListener.NONE);
  }

  @Test
  void reportsEveryMessageTheTargetAlteredAndNotAsCopied() {
    SyncOutcome o = pass(new InMemorySyncStateStore(), options);

    assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Synced.class);
    assertThat(o.statistics().messagesAltered()).isEqualTo(rewritten);
    assertThat(o.statistics().messagesCopied()).isEqualTo(total - rewritten);
    assertThat(((SyncOutcome.Synced) o).notes())
        .anyMatch(n -> n.contains("stored " + rewritten + " messages of 'INBOX' altered"));
    assertOneCopyEach();
  }

  @Test
  void resumesPassesKilledAfterTheirAppendsWithoutDuplicates() {
    InMemorySyncStateStore state = new InMemorySyncStateStore();
    long altered = 0;
    int kills = 0;
    SyncOutcome last = null;
    for (int run = 0; run < 3 * total && last == null; run++) {
      ResumeIT.KillingStore killing =
          new ResumeIT.KillingStore(state, ResumeIT.KillPoint.AFTER_APPEND_BEFORE_RECORDING_IT, 2);
      try {
        last = pass(killing, options);
        altered += last.statistics().messagesAltered();
      } catch (ResumeIT.SimulatedKill killed) {
        kills++;
      }
    }

    assertThat(kills).isGreaterThanOrEqualTo(5);
    assertThat(last).as(String.valueOf(last)).isInstanceOf(SyncOutcome.Synced.class);
    assertOneCopyEach();
    // each pass reports what it found or made altered; a killed pass reports nothing, so the
    // copies it made are reported by the pass that finds them
    assertThat(altered).isLessThanOrEqualTo(rewritten);
    SyncOutcome lost = pass(new InMemorySyncStateStore(), options);
    assertThat(lost.statistics().messagesAltered()).isEqualTo(rewritten);
  }

  @Test
  void findsCopiesWhoseAnswerWasLostWithinThePass() throws Exception {
    try (CutConnectionProxy proxy =
        new CutConnectionProxy(cyrus.port(), CutConnectionProxy.Cut.LOSE_APPEND_ANSWER, 2)) {
      TargetAccount viaProxy =
          new TargetAccount(
              ImapEndpoint.plaintextAllowedExplicitly("127.0.0.1", proxy.port()),
              ImapLogin.password("user1", () -> "any".toCharArray()));
      SyncOutcome o =
          synchronizer.sync(
              "user1",
              source.source("user1"),
              viaProxy,
              options,
              new InMemorySyncStateStore(),
              SyncProgressListener.NONE);

      assertThat(proxy.cuts()).isEqualTo(1);
      assertThat(o).as(o.toString()).isInstanceOf(SyncOutcome.Synced.class);
      assertThat(o.statistics().messagesMatched()).isPositive();
      assertThat(o.statistics().messagesAltered()).isEqualTo(rewritten);
    }
    assertOneCopyEach();
  }

  @ParameterizedTest
  @EnumSource(DuplicateMatching.class)
  void findsEveryCopyWhenTheStateIsLost(DuplicateMatching matching) {
    SyncOptions with = options.toBuilder().duplicateMatching(matching).build();
    assertThat(pass(new InMemorySyncStateStore(), with)).isInstanceOf(SyncOutcome.Synced.class);

    SyncOutcome again = pass(new InMemorySyncStateStore(), with);

    assertThat(again).as(again.toString()).isInstanceOf(SyncOutcome.Synced.class);
    assertThat(again.statistics().messagesCopied()).isZero();
    assertThat(again.statistics().messagesMatched()).isEqualTo(total);
    assertThat(again.statistics().messagesAltered()).isEqualTo(rewritten);
    assertOneCopyEach();
  }

  /** Every source message is on the target exactly once (Cyrus keeps size and date). */
  private void assertOneCopyEach() {
    List<String> there = new ArrayList<>();
    List<String> here = new ArrayList<>();
    try (TestImap t = TestImap.open(cyrus.target("user1"));
        TestImap s = TestImap.open(source, "user1")) {
      t.messages("INBOX").forEach(m -> there.add(m.instant() + " " + m.size()));
      s.messages("INBOX").forEach(m -> here.add(m.instant() + " " + m.size()));
    }
    assertThat(there).hasSize(total).containsExactlyInAnyOrderElementsOf(here);
  }
}
