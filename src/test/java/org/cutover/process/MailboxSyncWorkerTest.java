package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
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
import org.camunda.bpm.client.task.ExternalTask;
import org.camunda.bpm.client.task.ExternalTaskService;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TransientStepFailure;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class MailboxSyncWorkerTest {

  private static final Duration LOCK = Duration.ofMinutes(10);

  private final MovableClock clock = new MovableClock();
  private final ExternalTaskService service = mock(ExternalTaskService.class);
  private final ScriptedRunner runner = new ScriptedRunner();
  private final MailboxSyncWorker worker = new MailboxSyncWorker(runner, LOCK, clock);

  private static ExternalTask task(Integer retries) {
    ExternalTask task = mock(ExternalTask.class);
    when(task.getId()).thenReturn("task-1");
    when(task.getRetries()).thenReturn(retries);
    when(task.<String>getVariable("migrationId")).thenReturn("mig-1");
    when(task.<String>getVariable("mailboxId")).thenReturn("anna@contoso.com");
    when(task.<String>getVariable("syncMode")).thenReturn("INCREMENTAL");
    return task;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> completedLocalVariables(ExternalTask task) {
    ArgumentCaptor<Map<String, Object>> local = ArgumentCaptor.forClass(Map.class);
    verify(service).complete(eq(task), eq(Map.of()), local.capture());
    return local.getValue();
  }

  @Test
  void completesWithTheReportCountsAsLocalVariables() {
    runner.pass = heartbeat -> new MailboxSyncReport(120, 7, 2, 5_000_000, null, 4);
    ExternalTask task = task(null);

    worker.execute(task, service);

    assertThat(runner.runs).containsExactly("anna@contoso.com INCREMENTAL");
    assertThat(completedLocalVariables(task))
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
  void aFailedReportCompletesTheTaskSoTheBatchGoesOn() {
    runner.pass =
        heartbeat -> new MailboxSyncReport(3, 0, 0, 100, "Folder Archive could not be read");
    ExternalTask task = task(null);

    worker.execute(task, service);

    assertThat(completedLocalVariables(task))
        .containsEntry("syncSucceeded", false)
        .containsEntry("syncError", "Folder Archive could not be read");
    verify(service, never())
        .handleFailure(any(ExternalTask.class), any(), any(), anyInt(), anyLong());
  }

  @Test
  void aPassingTroubleIsRetriedWithFewerRetriesAndLongerWaits() {
    runner.pass =
        heartbeat -> {
          throw new TransientStepFailure("imap.contoso.com closed the connection");
        };

    worker.execute(task(null), service);
    worker.execute(task(4), service);
    worker.execute(task(3), service);
    worker.execute(task(2), service);

    verify(service)
        .handleFailure(
            any(ExternalTask.class),
            eq("imap.contoso.com closed the connection"),
            isNull(),
            eq(4),
            eq(60_000L));
    verify(service)
        .handleFailure(any(ExternalTask.class), anyString(), isNull(), eq(3), eq(120_000L));
    verify(service)
        .handleFailure(any(ExternalTask.class), anyString(), isNull(), eq(2), eq(240_000L));
    verify(service)
        .handleFailure(any(ExternalTask.class), anyString(), isNull(), eq(1), eq(480_000L));
    assertThat(runner.failed).isEmpty();
    verify(service, never()).complete(any(ExternalTask.class), any(), any());
  }

  @Test
  void whenNoRetryIsLeftTheMailboxIsMarkedFailedAndTheTaskCompleted() {
    runner.pass =
        heartbeat -> {
          throw new TransientStepFailure("imap.contoso.com closed the connection");
        };
    ExternalTask task = task(1);

    worker.execute(task, service);

    assertThat(runner.failed)
        .containsExactly("anna@contoso.com: imap.contoso.com closed the connection");
    assertThat(completedLocalVariables(task))
        .containsEntry("syncSucceeded", false)
        .containsEntry("syncError", "imap.contoso.com closed the connection");
    verify(service, never())
        .handleFailure(any(ExternalTask.class), any(), any(), anyInt(), anyLong());
  }

  @Test
  void aMailboxThatNeedsTheAdministratorIsMarkedFailedAtOnce() {
    runner.pass =
        heartbeat -> {
          throw new StepNeedsAdministrator("anna@contoso.com: the admin login may not open it");
        };
    ExternalTask task = task(null);

    worker.execute(task, service);

    assertThat(runner.failed).hasSize(1);
    assertThat(completedLocalVariables(task)).containsEntry("syncSucceeded", false);
  }

  @Test
  void anUnexpectedFaultIsRetriedWithoutItsOwnMessage() {
    runner.pass =
        heartbeat -> {
          throw new IllegalStateException("LOGIN anna hunter2 rejected");
        };

    worker.execute(task(null), service);

    ArgumentCaptor<String> message = ArgumentCaptor.forClass(String.class);
    verify(service)
        .handleFailure(any(ExternalTask.class), message.capture(), isNull(), eq(4), anyLong());
    assertThat(message.getValue())
        .isEqualTo(
            "The sync of mailbox anna@contoso.com failed unexpectedly (IllegalStateException);"
                + " the Cutover log has the details")
        .doesNotContain("hunter2");
  }

  @Test
  void heartbeatsExtendTheLockAtMostOncePerMinute() {
    runner.pass =
        heartbeat -> {
          for (int second = 0; second <= 150; second += 10) {
            heartbeat.run();
            clock.advance(Duration.ofSeconds(10));
          }
          return new MailboxSyncReport(1, 0, 0, 10, null);
        };
    ExternalTask task = task(null);

    worker.execute(task, service);

    // Once before the pass, then after 60 and 120 seconds of it.
    verify(service, times(3)).extendLock(task, LOCK.toMillis());
  }

  @Test
  void aTaskGoneWhileSyncingIsLeftAlone() {
    runner.pass = heartbeat -> new MailboxSyncReport(1, 0, 0, 10, null);
    ExternalTask task = task(null);
    org.mockito.Mockito.doThrow(new IllegalStateException("404"))
        .when(service)
        .complete(eq(task), any(), any());

    worker.execute(task, service);

    verify(service).complete(eq(task), any(), any());
    assertThat(runner.failed).isEmpty();
  }

  @Test
  void aTaskWithoutAValidSyncModeBecomesAnIncident() {
    ExternalTask task = task(null);
    when(task.<String>getVariable("syncMode")).thenReturn("FULL");

    worker.execute(task, service);

    assertThat(runner.runs).isEmpty();
    verify(service)
        .handleFailure(
            eq(task),
            eq(
                "The sync task has no mailboxId or no valid syncMode (INITIAL, INCREMENTAL, FINAL);"
                    + " correct the process model"),
            isNull(),
            eq(0),
            eq(0L));
  }

  @Test
  void retryWaitsDoubleFromOneMinute() {
    assertThat(MailboxSyncWorker.retryWait(4)).isEqualTo(Duration.ofMinutes(1));
    assertThat(MailboxSyncWorker.retryWait(1)).isEqualTo(Duration.ofMinutes(8));
  }

  private static final class ScriptedRunner implements MailboxSyncRunner {
    final List<String> runs = new ArrayList<>();
    final List<String> failed = new ArrayList<>();
    Function<Runnable, MailboxSyncReport> pass;

    @Override
    public MailboxSyncReport run(String mailboxId, SyncMode mode, Runnable heartbeat) {
      runs.add(mailboxId + " " + mode);
      return pass.apply(heartbeat);
    }

    @Override
    public void markFailed(String mailboxId, String error) {
      failed.add(mailboxId + ": " + error);
    }
  }

  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-03-02T08:00:00Z");

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
