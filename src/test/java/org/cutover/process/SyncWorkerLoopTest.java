package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TaskLock;
import org.junit.jupiter.api.Test;

/**
 * The node's loop: a slot is free for the next mailbox once a pass's mail work ends, while the
 * engine is still being told the outcome; mail work at once never passes the slots.
 */
class SyncWorkerLoopTest {

  @Test
  void aSlotStartsItsNextMailboxWhileThePreviousOutcomeIsStillBeingReported() throws Exception {
    CountDownLatch reportingHeld = new CountDownLatch(1);
    Tasks tasks = new Tasks(List.of("m-1", "m-2"), reportingHeld);
    CountingRunner runner = new CountingRunner(1);
    SyncWorkerLoop loop = new SyncWorkerLoop(tasks, worker(runner), 1);
    loop.start();
    try {
      // m-1's completion blocks in the engine; m-2 needs the node's only slot.
      await().atMost(Duration.ofSeconds(20)).until(() -> runner.started.size() == 2);
      assertThat(tasks.completed).as("m-1 still being reported").isEmpty();
      reportingHeld.countDown();
      await().atMost(Duration.ofSeconds(20)).until(() -> tasks.completed.size() == 2);
      assertThat(runner.peak.get()).as("mail work at once with one slot").isEqualTo(1);
    } finally {
      reportingHeld.countDown();
      loop.stop();
    }
  }

  @Test
  void mailWorkAtOnceNeverPassesTheSlots() throws Exception {
    List<String> mailboxes = new ArrayList<>();
    for (int i = 1; i <= 24; i++) {
      mailboxes.add("m-" + i);
    }
    Tasks tasks = new Tasks(mailboxes, new CountDownLatch(0));
    CountingRunner runner = new CountingRunner(3);
    SyncWorkerLoop loop = new SyncWorkerLoop(tasks, worker(runner), 3);
    loop.start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> tasks.completed.size() == 24);
      assertThat(runner.peak.get()).isEqualTo(3);
      assertThat(loop.running()).isZero();
    } finally {
      loop.stop();
    }
  }

  private static MailboxSyncWorker worker(MailboxSyncRunner runner) {
    return new MailboxSyncWorker(runner, Duration.ofMinutes(5), Clock.systemUTC());
  }

  /** Hands out one task per mailbox; completing a task waits until {@code reporting} opens. */
  private static final class Tasks implements TaskSource {
    private final List<String> queue;
    private final CountDownLatch reporting;
    final List<String> completed = Collections.synchronizedList(new ArrayList<>());

    Tasks(List<String> mailboxes, CountDownLatch reporting) {
      this.queue = Collections.synchronizedList(new ArrayList<>(mailboxes));
      this.reporting = reporting;
    }

    @Override
    public String workerId() {
      return "node-1";
    }

    @Override
    public List<SyncTask> fetchAndLock(int maxTasks, Duration lock) {
      List<SyncTask> locked = new ArrayList<>();
      synchronized (queue) {
        while (locked.size() < maxTasks && !queue.isEmpty()) {
          String mailbox = queue.remove(0);
          locked.add(
              new SyncTask(
                  "task-" + mailbox,
                  "mig-1",
                  mailbox,
                  "INITIAL",
                  null,
                  Clock.systemUTC().instant().plus(lock)));
        }
      }
      return locked;
    }

    @Override
    public Duration idleWait() {
      return Duration.ofMillis(20);
    }

    @Override
    public void complete(String taskId, Map<String, Object> localVariables) {
      try {
        reporting.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      completed.add(taskId);
    }

    @Override
    public void handleFailure(String taskId, String message, int retries, Duration retryTimeout) {
      throw new AssertionError("no pass fails here: " + message);
    }

    @Override
    public void extendLock(String taskId, Duration lock) {}
  }

  /**
   * A pass that counts how many run at once; the first {@code crowd} wait for each other (up to a
   * few seconds), so that the slots are seen full whatever the machine's load.
   */
  private static final class CountingRunner implements MailboxSyncRunner {
    private final CountDownLatch crowd;
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger now = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();

    CountingRunner(int crowd) {
      this.crowd = new CountDownLatch(crowd);
    }

    @Override
    public MailboxSyncReport run(String mailboxId, SyncMode mode, TaskLock lock) {
      started.add(mailboxId);
      peak.accumulateAndGet(now.incrementAndGet(), Math::max);
      crowd.countDown();
      try {
        crowd.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        now.decrementAndGet();
      }
      return new MailboxSyncReport(1, 0, 0, 10, null);
    }

    @Override
    public void markFailed(String mailboxId, String error) {}
  }
}
