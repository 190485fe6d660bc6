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
   * Looks at every source mailbox once (the first call starts the watch) and copies what is new.
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
