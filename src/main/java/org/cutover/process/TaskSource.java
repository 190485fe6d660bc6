package org.cutover.process;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Where the sync worker gets its {@code mailbox-sync} tasks and reports on them: the engine of this
 * process ({@link EngineTaskSource}) or a node's REST API ({@link RestTaskSource}). Both keep the
 * external-task contract, so workers of either kind share one engine.
 */
interface TaskSource {

  String TOPIC = "mailbox-sync";
  List<String> VARIABLES = List.of("migrationId", "mailboxId", "syncMode");

  /** The worker id the tasks are locked for. */
  String workerId();

  /**
   * Locks up to {@code maxTasks} free tasks for {@code lock}; may wait a while (long polling) when
   * there are none. Never locks more than asked.
   */
  List<SyncTask> fetchAndLock(int maxTasks, Duration lock);

  /** How long the caller should wait after a fetch that found nothing. */
  Duration idleWait();

  void complete(String taskId, Map<String, Object> localVariables);

  void handleFailure(String taskId, String message, int retries, Duration retryTimeout);

  /**
   * Extends the lock to {@code lock} from now.
   *
   * @throws TaskLockRefused when the engine says the task is no longer this worker's
   */
  void extendLock(String taskId, Duration lock);
}
