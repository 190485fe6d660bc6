package org.cutover.migration;

/**
 * Copies mailboxes from the source server to the target: the mail sync capability. Long-running;
 * called from the {@code mailbox-sync} external-task worker, which may run in another process.
 */
public interface MailboxSyncEngine {

  /**
   * Connects to the migration's source endpoint and opens its test mailbox with the admin login.
   *
   * @throws StepNeedsAdministrator naming what to fix (host, port, TLS, credentials, rights)
   * @throws TransientStepFailure when the server could not be reached for a passing reason
   */
  void testSourceEndpoint(String migrationId);

  /**
   * Opens the batch's mailboxes on the source and the target (as many at once as the endpoints
   * allow), reads each one's folder count, message count and size and the target's quota, and
   * records the report ({@link PreflightReports}). One call goes on for a bounded time ({@code
   * cutover.mailsync.preflight-step-time}); a round over a large batch takes several, each going on
   * where the last one stopped.
   *
   * @param fromStart begin a new round rather than go on with the current one
   * @return how many mailboxes the round has still to open, and once it is over, the failing ones
   */
  PreflightRound checkMailboxes(String migrationId, boolean fromStart);

  /**
   * Runs one sync pass of one mailbox, telling {@code watch} how it advances and asking it before
   * every write to the target. A pass that cannot finish for this mailbox alone returns a failed
   * report; a passing trouble (connection lost, throttled) throws {@link TransientStepFailure}; a
   * pass that {@code watch} stopped throws {@link PassStopped}.
   */
  MailboxSyncReport sync(String mailboxId, SyncMode mode, PassWatch watch);
}
