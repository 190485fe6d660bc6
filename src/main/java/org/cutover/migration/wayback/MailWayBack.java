package org.cutover.migration.wayback;

import java.util.List;
import java.util.Optional;

/**
 * The way back for mail on a rollback after the MX switch: every message that reached the target
 * after the forward sync copied the mailbox, and the flags users changed there, copied back to the
 * source, so that users who return to the old server find their new mail.
 */
public interface MailWayBack {

  /**
   * Copies each mailbox's new mail back to the source (nothing when MX was never switched). Runs
   * again without duplicates: what came back is recorded in the reverse UID state.
   *
   * @return what could not be copied back, one line each (empty: everything came back)
   */
  List<String> copyBack(String migrationId);

  /** What the way back did, per mailbox, for the API; empty when it never ran. */
  Optional<WayBackReport> report(String migrationId);
}
