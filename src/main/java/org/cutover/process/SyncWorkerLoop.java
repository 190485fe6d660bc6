package org.cutover.process;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The node's sync worker: up to {@code slots} mailbox passes at once, each on a thread of its own.
 * One thread fetches: it waits for a free slot, then locks as many tasks as slots are free (never
 * more, so no task waits behind a running pass while its lock runs out) and starts each at once.
 */
final class SyncWorkerLoop implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SyncWorkerLoop.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final TaskSource source;
  private final MailboxSyncWorker worker;
  private final int slots;
  private final Semaphore free;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger threads = new AtomicInteger();
  private volatile ExecutorService passes;
  private volatile Thread fetcher;
  private volatile boolean active;

  SyncWorkerLoop(TaskSource source, MailboxSyncWorker worker, int slots) {
    this.source = source;
    this.worker = worker;
    this.slots = slots;
    this.free = new Semaphore(slots);
  }

  /** Passes running on this worker now. */
  int running() {
    return running.get();
  }

  @Override
  public synchronized void start() {
    if (active) {
      return;
    }
    active = true;
    // Twice the slots: a pass whose mail work is done may still be reporting to the engine
    // while the next pass of its slot runs.
    passes =
        Executors.newFixedThreadPool(
            2 * slots,
            r -> {
              Thread t = new Thread(r, "mailbox-sync-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    fetcher = new Thread(this::fetchWhileActive, "mailbox-sync-fetch");
    fetcher.setDaemon(true);
    fetcher.start();
    log.info("Sync worker {} started: up to {} mailboxes at once", source.workerId(), slots);
  }

  @Override
  public synchronized void stop() {
    if (!active) {
      return;
    }
    active = false;
    fetcher.interrupt();
    passes.shutdownNow();
    try {
      fetcher.join(TimeUnit.SECONDS.toMillis(10));
      if (!passes.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("Sync worker {}: passes still running at shutdown", source.workerId());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return active;
  }

  private void fetchWhileActive() {
    Duration backoff = Duration.ofSeconds(1);
    while (active) {
      int asked = 0;
      try {
        free.acquire();
        asked = 1 + free.drainPermits();
        List<SyncTask> tasks = source.fetchAndLock(asked, worker.lockDuration());
        free.release(asked - tasks.size());
        asked = 0;
        tasks.forEach(this::startPass);
        backoff = Duration.ofSeconds(1);
        if (tasks.isEmpty() && !source.idleWait().isZero()) {
          Thread.sleep(source.idleWait().toMillis());
        }
      } catch (InterruptedException e) {
        free.release(asked);
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        free.release(asked);
        log.warn(
            "Sync worker {}: fetching tasks failed ({}); trying again in {}",
            source.workerId(),
            e.getMessage(),
            backoff);
        try {
          Thread.sleep(backoff.toMillis());
        } catch (InterruptedException stopped) {
          Thread.currentThread().interrupt();
          return;
        }
        backoff =
            backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0
                ? MAX_BACKOFF
                : backoff.multipliedBy(2);
      }
    }
  }

  private void startPass(SyncTask task) {
    running.incrementAndGet();
    AtomicBoolean freed = new AtomicBoolean();
    Runnable slotFree =
        () -> {
          if (freed.compareAndSet(false, true)) {
            running.decrementAndGet();
            free.release();
          }
        };
    try {
      passes.execute(
          () -> {
            try {
              // The slot is freed when the mail work ends, so reporting this task to the engine
              // overlaps the next pass's start rather than delaying it.
              worker.execute(task, source, slotFree);
            } catch (RuntimeException e) {
              log.error("Sync worker {}: task {} failed", source.workerId(), task.id(), e);
            } finally {
              slotFree.run();
            }
          });
    } catch (RuntimeException rejected) {
      // shutting down: the task's lock runs out and another worker takes it
      slotFree.run();
    }
  }
}
