package org.cutover.migration.reports;

import java.time.Instant;
import java.util.List;

/**
 * One mailbox's report: Microsoft's columns, whether the copy is verified, each folder's
 * reconciliation and manifest, and every message its last pass left out.
 *
 * @param emailAddress the mailbox
 * @param status SYNCED, SYNCED_WITH_ERRORS or FAILED after its last pass; QUEUED, SYNCING and the
 *     like while it has none; STOPPED when the migration was cancelled before its pass ended
 * @param itemsSynced messages copied over all passes
 * @param itemsSkipped messages the last pass left out
 * @param bytes bytes copied over all passes
 * @param lastSyncedTime start of the last pass that succeeded (all mail older than this is copied)
 * @param error why the last pass failed, or what it left out
 * @param rejectedByTarget of the skipped, those the target refused: these count against the
 *     bad-item limit
 * @param badItemLimit refusals a pass accepts before the mailbox fails
 * @param verified every folder's counts agree, or differ by exactly the messages left out
 * @param folders each folder's counts and manifest, by folder name
 * @param skipped the messages left out, by folder and UID
 */
public record MailboxReport(
    String emailAddress,
    String status,
    long itemsSynced,
    long itemsSkipped,
    long bytes,
    Instant lastSyncedTime,
    String error,
    long rejectedByTarget,
    int badItemLimit,
    boolean verified,
    List<FolderReconciliation> folders,
    List<SkippedMessage> skipped) {

  public MailboxReport {
    folders = List.copyOf(folders);
    skipped = List.copyOf(skipped);
  }

  /** The status as Microsoft's reports write it: {@code SyncedWithErrors}. */
  public String statusWord() {
    StringBuilder word = new StringBuilder();
    for (String part : status.toLowerCase(java.util.Locale.ROOT).split("_")) {
      if (!part.isEmpty()) {
        word.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return word.toString();
  }
}
