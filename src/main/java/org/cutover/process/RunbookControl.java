package org.cutover.process;

/** Starts and steers runbook process instances; the REST API's only way into the engine. */
public interface RunbookControl {

  /**
   * Starts the runbook for a stored migration; the business key is the migration id.
   *
   * @return the process instance id
   */
  String start(RunbookStart start);

  /**
   * Starts a batch that waits in status Created (completes the "Start the batch" task).
   *
   * @throws IllegalStateException when the batch is not waiting to be started
   */
  void startBatch(String migrationId);

  /**
   * Cancels the migration: the process rolls back DNS changes and stops syncing.
   *
   * @throws IllegalStateException when the migration can no longer be cancelled
   */
  void cancel(String migrationId);

  /**
   * Starts an incremental pass at once on each of these mailboxes that has no sync pass running or
   * waiting to run, without waiting for the incremental cycle.
   *
   * @return what was queued and what was left out because a pass runs or waits already
   * @throws IllegalStateException when the batch is not being kept in sync (before the initial sync
   *     finished, after the batch was deleted, once cancelled)
   */
  SyncRequested requestSync(String migrationId, java.util.List<String> mailboxIds);

  /**
   * Ends the wait after the MX switch now and starts the final sweep, which gives every mailbox a
   * pass before the batch is deleted: the "complete the batch" moment.
   *
   * @throws IllegalStateException when the runbook is not waiting after the MX switch
   */
  void requestFinalSync(String migrationId);

  /** The names of the steps the migration is at now (empty when the process has ended). */
  java.util.List<String> currentSteps(String migrationId);

  /**
   * A step that failed: its name, our message (never a secret), the retries left (0: it waits for
   * an administrator) and when it failed or is tried next.
   */
  record StepProblem(String step, String message, int retriesLeft, java.time.Instant due) {}

  /**
   * A human task the runbook waits on: who may work it (its assignee, else its candidate groups)
   * and since when.
   */
  record OpenTask(
      String id,
      String name,
      String assignee,
      java.util.List<String> candidateGroups,
      java.time.Instant created) {}

  /** The human tasks open in the migration's runbook, oldest first (empty once it has ended). */
  java.util.List<OpenTask> openTasks(String migrationId);

  /** Every step of the migration's runbook that failed and has not passed since. */
  java.util.List<StepProblem> stepProblems(String migrationId);

  /**
   * Runs every failed step of the migration's runbook again at once (an incident is resolved).
   *
   * @return how many steps are retried
   */
  int retryFailedSteps(String migrationId);
}
