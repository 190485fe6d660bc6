package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A batch's progress summed from its mailboxes' rows. */
class BatchProgressTest {

  static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

  private static MailboxState mailbox(String id, MailboxStatus status) {
    return new MailboxState(
        id, "m", id + "@contoso.com", null, null, status, null, 0, 0, 0, 0, null);
  }

  @Test
  void countsStatesSumsPassesAndEstimatesTheFinishFromThePaceSoFar() {
    List<MailboxState> mailboxes =
        List.of(
            mailbox("a", MailboxStatus.SYNCED),
            mailbox("b", MailboxStatus.SYNCED),
            mailbox("c", MailboxStatus.SYNCING),
            mailbox("d", MailboxStatus.QUEUED),
            mailbox("e", MailboxStatus.FAILED));
    Instant start = NOW.minus(Duration.ofMinutes(30));
    Map<String, MailboxProgress> progress =
        Map.of(
            "a", new MailboxProgress(3, 3, 100, 100, 1000, 1000, start, start.plusSeconds(600)),
            "b", new MailboxProgress(2, 2, 50, 50, 500, 500, start, start.plusSeconds(900)),
            "c", new MailboxProgress(1, 4, 10, 40, 2000, 8000, NOW.minusSeconds(20), NOW),
            "e", new MailboxProgress(0, 1, 0, 5, 0, 50, start, start.plusSeconds(60)));

    BatchProgress batch = BatchProgress.of(mailboxes, progress, NOW);

    assertThat(batch.waiting()).isEqualTo(1);
    assertThat(batch.syncing()).isEqualTo(1);
    assertThat(batch.synced()).isEqualTo(2);
    assertThat(batch.failed()).isEqualTo(1);
    assertThat(batch.messagesCopied()).isEqualTo(160);
    assertThat(batch.messagesToCopy()).isEqualTo(195);
    assertThat(batch.bytesToCopy()).isEqualTo(9550);
    assertThat(batch.bytesPerSecond()).isEqualTo(100); // only the running pass: 2000 bytes in 20 s
    // three mailboxes finished in 30 minutes: the two left take 20 more
    assertThat(batch.estimatedFinish()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    assertThat(progress.get("c").estimatedTimeLeft()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void noEstimateBeforeAMailboxFinished() {
    BatchProgress batch =
        BatchProgress.of(List.of(mailbox("a", MailboxStatus.QUEUED)), Map.of(), NOW);

    assertThat(batch.waiting()).isEqualTo(1);
    assertThat(batch.estimatedFinish()).isNull();
  }
}
