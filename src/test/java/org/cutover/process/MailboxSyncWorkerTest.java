package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.cutover.migration.MailboxBusy;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.PassStopped;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TaskLock;
import org.cutover.migration.TransientStepFailure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MailboxSyncWorkerTest {

  private static final Duration LOCK = Duration.ofMinutes(10);

  private final MovableClock clock = new MovableClock();
  private final TaskSource source = mock(TaskSource.class);
  private final ScriptedRunner runner = new ScriptedRunner();
  private final MailboxSyncWorker worker = new MailboxSyncWorker(runner, LOCK, clock);

  @BeforeEach
  void workerId() {
    when(source.workerId()).thenReturn("node-1");
  }

  private SyncTask task(Integer retries) {
    return task(retries, "INCREMENTAL");
  }

  private SyncTask task(Integer retries, String mode) {
    return new SyncTask(
        "task-1", "mig-1", "anna@contoso.com", mode, retries, clock.instant().plus(LOCK));
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> completedLocalVariables() {
    ArgumentCaptor<Map<String, Object>> local = ArgumentCaptor.forClass(Map.class);
    verify(source).complete(eq("task-1"), local.capture());
    return local.getValue();
  }

  @Test
  void completesWithTheReportCountsAsLocalVariables() {
    runner.pass = lock -> new MailboxSyncReport(120, 7, 2, 5_000_000, null, 4);

    worker.execute(task(null), source);

    assertThat(runner.runs).containsExactly("anna@contoso.com INCREMENTAL by node-1");
    assertThat(completedLocalVariables())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "syncSucceeded", true,
                "messagesCopied", 120L,
                "messagesAltered", 4L,
                "flagsUpdated", 7L,
                "messagesSkipped", 2L,
                "bytesCopied", 5_000_000L));
  }

  @Test
  void aCompletionRefusedForAConcurrentChangeIsMadeAgainAtOnce() {
    runner.pass = lock -> new MailboxSyncReport(2, 0, 0, 100, null);
    org.mockito.Mockito.doThrow(new TaskReportConflict("updated by another transaction"))
        .doThrow(new TaskReportConflict("updated by another transaction"))
        .doNothing()
        .when(source)
        .complete(eq("task-1"), any());

    worker.execute(task(null), source);

    // the third report went through: the task does not wait for its lock to run out
    verify(source, org.mockito.Mockito.times(3)).complete(eq("task-1"), any());
    assertThat(runner.runs).hasSize(1);
  }

  @Test
  void aCompletionStillRefusedAfterEveryAttemptIsLeftToTheLock() {
    runner.pass = lock -> new MailboxSyncReport(2, 0, 0, 100, null);
    org.mockito.Mockito.doThrow(new TaskReportConflict("updated by another transaction"))
        .when(source)
        .complete(eq("task-1"), any());

    worker.execute(task(null), source);

    verify(source, org.mockito.Mockito.times(MailboxSyncWorker.REPORT_ATTEMPTS))
        .complete(eq("task-1"), any());
  }

  @Test
  void aFailedReportCompletesTheTaskSoTheBatchGoesOn() {
    runner.pass = lock -> new MailboxSyncReport(3, 0, 0, 100, "Folder Archive could not be read");

    worker.execute(task(null), source);

    assertThat(completedLocalVariables())
        .containsEntry("syncSucceeded", false)
        .containsEntry("syncError", "Folder Archive could not be read");
    verify(source, never()).handleFailure(any(), any(), anyInt(), any());
  }

  @Test
  void aPassingTroubleIsRetriedWithFewerRetriesAndLongerWaits() {
    runner.pass =
        lock -> {
          throw new TransientStepFailure("imap.contoso.com closed the connection");
        };

    worker.execute(task(null), source);
    worker.execute(task(4), source);
    worker.execute(task(3), source);
    worker.execute(task(2), source);

    verify(source)
        .handleFailure(
            "task-1", "imap.contoso.com closed the connection", 4, Duration.ofMinutes(1));
    verify(source).handleFailure(eq("task-1"), anyString(), eq(3), eq(Duration.ofMinutes(2)));
    verify(source).handleFailure(eq("task-1"), anyString(), eq(2), eq(Duration.ofMinutes(4)));
    verify(source).handleFailure(eq("task-1"), anyString(), eq(1), eq(Duration.ofMinutes(8)));
    assertThat(runner.failed).isEmpty();
    verify(source, never()).complete(any(), any());
  }

  @Test
  void whenNoRetryIsLeftTheMailboxIsMarkedFailedAndTheTaskCompleted() {
    runner.pass =
        lock -> {
          throw new TransientStepFailure("imap.contoso.com closed the connection");
        };

    worker.execute(task(1), source);

    assertThat(runner.failed)
        .containsExactly("anna@contoso.com: imap.contoso.com closed the connection");
    assertThat(completedLocalVariables())
        .containsEntry("syncSucceeded", false)
        .containsEntry("syncError", "imap.contoso.com closed the connection");
    verify(source, never()).handleFailure(any(), any(), anyInt(), any());
  }

  @Test
  void aMailboxThatNeedsTheAdministratorIsMarkedFailedAtOnce() {
    runner.pass =
        lock -> {
          throw new StepNeedsAdministrator("anna@contoso.com: the admin login may not open it");
        };

    worker.execute(task(null), source);

    assertThat(runner.failed).hasSize(1);
    assertThat(completedLocalVariables()).containsEntry("syncSucceeded", false);
  }

  @Test
  void anUnexpectedFaultIsRetriedWithoutItsOwnMessage() {
    runner.pass =
        lock -> {
          throw new IllegalStateException("LOGIN anna hunter2 rejected");
        };

    worker.execute(task(null), source);

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    verify(source).handleFailure(eq("task-1"), message.capture(), eq(4), any());
    assertThat(message.getValue())
        .isEqualTo(
            "The sync of mailbox anna@contoso.com failed unexpectedly (IllegalStateException);"
                + " the Cutover log has the details")
        .doesNotContain("hunter2");
  }

  @Test
  void aPassAskingBeforeItsWritesExtendsTheLockAtMostOncePerMinute() {
    runner.pass =
        lock -> {
          for (int second = 0; second <= 150; second += 10) {
            assertThat(lock.lostReason()).isNull();
            clock.advance(Duration.ofSeconds(10));
          }
          return new MailboxSyncReport(1, 0, 0, 10, null);
        };

    worker.execute(task(null), source);

    // after 60 and 120 seconds of the pass; not again when it reports at 160 seconds
    verify(source, times(2)).extendLock("task-1", LOCK);
    verify(source).complete(eq("task-1"), any());
  }

  @Test
  void aRefusedExtensionStopsThePassAndTheTaskIsNeitherCompletedNorFailed() {
    doThrow(new TaskLockRefused("Cannot extend the lock: it has expired"))
        .when(source)
        .extendLock(any(), any());
    List<String> seen = new ArrayList<>();
    runner.pass =
        lock -> {
          clock.advance(Duration.ofMinutes(1));
          seen.add(lock.lostReason());
          throw new PassStopped("The sync of mailbox anna@contoso.com stopped: " + seen.get(0));
        };

    worker.execute(task(null), source);

    assertThat(seen.get(0)).contains("refused to extend the lock").contains("expired");
    verify(source, never()).complete(any(), any());
    verify(source, never()).handleFailure(any(), any(), anyInt(), any());
  }

  @Test
  void aLockNotExtendedInTimeIsLostEvenWhenTheEngineCannotBeReached() {
    doThrow(new IllegalStateException("The engine could not be reached"))
        .when(source)
        .extendLock(any(), any());
    List<String> seen = new ArrayList<>();
    runner.pass =
        lock -> {
          clock.advance(Duration.ofMinutes(5));
          seen.add(lock.lostReason()); // not yet: the lock runs until minute 10
          clock.advance(Duration.ofMinutes(4));
          seen.add(lock.lostReason());
          return new MailboxSyncReport(1, 0, 0, 10, null);
        };

    worker.execute(task(null), source);

    assertThat(seen.get(0)).isNull();
    assertThat(seen.get(1)).contains("not extended in time");
    verify(source, never()).complete(any(), any());
  }

  @Test
  void aMailboxAnotherPassHoldsWaitsWithoutUsingATry() {
    runner.pass =
        lock -> {
          throw new MailboxBusy(
              "Mailbox anna@contoso.com is synced by another pass", Duration.ofMinutes(2));
        };

    worker.execute(task(3), source);

    verify(source)
        .handleFailure(
            "task-1",
            "Mailbox anna@contoso.com is synced by another pass",
            3,
            Duration.ofMinutes(2));
    verify(source, never()).complete(any(), any());
  }

  @Test
  void aPassThatLostItsLeaseWaitsWithoutUsingATryWhileTheLockIsHeld() {
    runner.pass =
        lock -> {
          throw new PassStopped("the lease of mailbox anna@contoso.com was taken over");
        };

    worker.execute(task(null), source);

    verify(source)
        .handleFailure(
            "task-1",
            "the lease of mailbox anna@contoso.com was taken over",
            MailboxSyncWorker.ATTEMPTS,
            MailboxSyncWorker.FIRST_RETRY_WAIT);
    verify(source, never()).complete(any(), any());
  }

  @Test
  void aTaskGoneWhileSyncingIsLeftAlone() {
    runner.pass = lock -> new MailboxSyncReport(1, 0, 0, 10, null);
    doThrow(new IllegalStateException("404")).when(source).complete(any(), any());

    worker.execute(task(null), source);

    verify(source).complete(eq("task-1"), any());
    assertThat(runner.failed).isEmpty();
  }

  @Test
  void aTaskWithoutAValidSyncModeBecomesAnIncident() {
    worker.execute(task(null, "FULL"), source);

    assertThat(runner.runs).isEmpty();
    verify(source)
        .handleFailure(
            "task-1",
            "The sync task has no mailboxId or no valid syncMode (INITIAL, INCREMENTAL, FINAL);"
                + " correct the process model",
            0,
            Duration.ZERO);
  }

  @Test
  void retryWaitsDoubleFromOneMinute() {
    assertThat(MailboxSyncWorker.retryWait(4)).isEqualTo(Duration.ofMinutes(1));
    assertThat(MailboxSyncWorker.retryWait(1)).isEqualTo(Duration.ofMinutes(8));
  }

  private static final class ScriptedRunner implements MailboxSyncRunner {
    final List<String> runs = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    Function<TaskLock, MailboxSyncReport> pass;

    @Override
    public MailboxSyncReport run(String mailboxId, SyncMode mode, TaskLock lock) {
      runs.add(mailboxId + " " + mode + " by " + lock.worker());
      return pass.apply(lock);
    }

    @Override
    public void markFailed(String mailboxId, String error) {
      failed.add(mailboxId + ": " + error);
    }
  }

  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-03-02T08:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
