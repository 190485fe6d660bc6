package org.cutover.migration;

import java.util.List;
import java.util.Optional;

/**
 * The final sweep before the batch is deleted: every mailbox needs a pass that started after the
 * sweep began and after the old MX records' TTL ran out since the switch, so that mail the source
 * received until then is on the target. A gap the administrator accepts is recorded with who and
 * when.
 */
public interface FinalSweeps {

  /** Records the sweep's start (once; a retried step keeps the first) and returns it. */
  java.time.Instant start(String migrationId);

  /** The mailboxes not swept yet, in batch order, each with why (its last error, if any). */
  List<UnsweptMailbox> unswept(String migrationId);

  /** Records that {@code acceptedBy} let the batch go without sweeping these mailboxes. */
  void acceptGap(String migrationId, String acceptedBy, List<String> mailboxes);

  /** Where the sweep stands, for the API; empty before it started. */
  Optional<FinalSweep> of(String migrationId);
}
