package org.cutover.cli;

import java.util.List;
import org.cutover.mailsync.SkippedFolder;
import org.cutover.mailsync.SkippedItem;
import org.cutover.mailsync.SyncOutcome;
import org.cutover.mailsync.SyncStatistics;

/** How one mailbox pair ended, in the words of the table. */
record MailboxResult(String label, SyncOutcome outcome) {

  /** True only when everything was copied: no failure and nothing skipped. */
  boolean complete() {
    return outcome instanceof SyncOutcome.Synced synced && !synced.withSkips();
  }

  String status() {
    if (outcome instanceof SyncOutcome.Synced synced) {
      return synced.withSkips() ? "synced, skips" : "synced";
    }
    if (outcome instanceof SyncOutcome.NeedsAdministrator) {
      return "needs admin";
    }
    return outcome instanceof SyncOutcome.Unavailable ? "unavailable" : "failed";
  }

  SyncStatistics statistics() {
    return outcome.statistics();
  }

  /** What stopped the mailbox, or null. */
  String problem() {
    if (outcome instanceof SyncOutcome.NeedsAdministrator needs) {
      return needs.problem();
    }
    if (outcome instanceof SyncOutcome.Unavailable unavailable) {
      return unavailable.problem();
    }
    return outcome instanceof SyncOutcome.Failed failed ? failed.problem() : null;
  }

  List<SkippedItem> skippedItems() {
    if (outcome instanceof SyncOutcome.Synced synced) {
      return synced.skippedItems();
    }
    return outcome instanceof SyncOutcome.Failed failed ? failed.skippedItems() : List.of();
  }

  List<SkippedFolder> skippedFolders() {
    if (outcome instanceof SyncOutcome.Synced synced) {
      return synced.skippedFolders();
    }
    return outcome instanceof SyncOutcome.Failed failed ? failed.skippedFolders() : List.of();
  }

  List<String> notes() {
    return outcome.notes();
  }
}
