package org.cutover.migration.watch;

import java.util.Optional;

/**
 * The watch for late mail: after the batch is deleted, each source mailbox is looked at for a
 * configured period, and whatever reaches it there (mail from senders whose DNS cache still held
 * the old MX, mail a server-side rule files away) is copied to the target by the mail sync engine
 * with the forward sync's UID state, exactly once. The source's credentials stay, encrypted, until
 * the watch ends.
 */
public interface LateMailWatch {

  /**
   * Looks at one source mailbox (the first look starts the watch) and copies to the target what
   * reached it since the last look. A mailbox that cannot be looked at now is recorded with the
   * reason and looked at again at the next look. Each mailbox is its own step, so that a look at
   * thousands of mailboxes never holds one step for long.
   */
  void lookAt(String migrationId, String mailboxId);

  /**
   * Counts a look at every mailbox as done (the first starts the watch).
   *
   * @return whether the watch period is over, and when to look again
   */
  WatchCheck check(String migrationId);

  /**
   * Ends the watch after its period: the source's credentials and sync state are deleted.
   *
   * @return what the watch copied, for the administrator
   */
  WatchReport end(String migrationId);

  /**
   * Ends a watch that a rollback interrupted, after the way back ran; the source's credentials and
   * sync state are deleted. Nothing when no watch ran.
   */
  void endAfterRollback(String migrationId);

  /** The watch and what it copied, for the API; empty before it began. */
  Optional<WatchReport> of(String migrationId);
}
