package org.cutover.cli;

import java.nio.file.Path;
import java.util.List;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.SyncOptions;
import org.cutover.mailsync.TargetAccount;

/**
 * A checked spec, ready to run: every secret reference readable, every value in range.
 *
 * @param concurrentMailboxes how many mailboxes run at once (the lower endpoint limit)
 */
record SyncPlan(
    List<MailboxRun> mailboxes, SyncOptions options, Path state, int concurrentMailboxes) {

  /**
   * One mailbox pair.
   *
   * @param key the pair's key in the UID state: the same pair on the same servers resumes
   * @param label how the pair is shown in the table
   */
  record MailboxRun(String key, String label, SourceAccount source, TargetAccount target) {}
}
