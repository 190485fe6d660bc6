package org.cutover.process;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Works the {@code mailbox-sync} tasks of the engine with the sync worker in the test's thread,
 * through the same task source the application's worker uses in-process.
 */
class EngineExternalTasks {

  static final String WORKER = "process-test-worker";

  private final ProcessEngine engine;

  EngineExternalTasks(ProcessEngine engine) {
    this.engine = engine;
  }

  /** Fetches every task of the topic that is free now and hands each to the worker. */
  int work(MailboxSyncWorker worker) {
    TaskSource source =
        new EngineTaskSource(
            engine.getExternalTaskService(), WORKER, Duration.ofSeconds(1), worker.clock());
    List<SyncTask> locked = source.fetchAndLock(1000, worker.lockDuration());
    for (SyncTask task : locked) {
      worker.execute(task, source);
    }
    return locked.size();
  }
}
