package org.cutover.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch's progress summed over its mailboxes.
 *
 * @param waiting mailboxes not synced yet (queued or being provisioned)
 * @param syncing mailboxes with a pass running now
 * @param synced mailboxes whose last pass succeeded
 * @param failed mailboxes whose last pass failed
 * @param messagesCopied messages copied by the mailboxes' current or last passes
 * @param messagesToCopy messages those passes found to copy so far
 * @param bytesCopied bytes copied by those passes
 * @param bytesToCopy bytes those passes found to copy so far
 * @param bytesPerSecond the running passes' rates added up
 * @param estimatedFinish when the mailboxes still waiting or syncing should be done at the pace of
 *     the mailboxes finished so far; null before one finished or after all did
 */
public record BatchProgress(
    long waiting,
    long syncing,
    long synced,
    long failed,
    long messagesCopied,
    long messagesToCopy,
    long bytesCopied,
    long bytesToCopy,
    long bytesPerSecond,
    Instant estimatedFinish) {

  public static BatchProgress of(
      List<MailboxState> mailboxes, Map<String, MailboxProgress> progress, Instant now) {
    long waiting = 0;
    long syncing = 0;
    long synced = 0;
    long failed = 0;
    long messages = 0;
    long messagesToCopy = 0;
    long bytes = 0;
    long bytesToCopy = 0;
    long rate = 0;
    long finishedWithProgress = 0;
    Instant firstStart = null;
    for (MailboxState mailbox : mailboxes) {
      MailboxStatus status = mailbox.status();
      MailboxProgress p = progress.get(mailbox.id());
      switch (status) {
        case QUEUED, PROVISIONING -> waiting++;
        case SYNCING, INCREMENTAL_SYNCING -> syncing++;
        case SYNCED, SYNCED_WITH_ERRORS -> synced++;
        case FAILED -> failed++;
        case STOPPED, REMOVED -> {}
      }
      if (p == null) {
        continue;
      }
      messages += p.messagesCopied();
      messagesToCopy += p.messagesToCopy();
      bytes += p.bytesCopied();
      bytesToCopy += p.bytesToCopy();
      if (status == MailboxStatus.SYNCING || status == MailboxStatus.INCREMENTAL_SYNCING) {
        rate += p.bytesPerSecond();
      } else if (status == MailboxStatus.SYNCED
          || status == MailboxStatus.SYNCED_WITH_ERRORS
          || status == MailboxStatus.FAILED) {
        finishedWithProgress++;
      }
      if (p.startedAt() != null && (firstStart == null || p.startedAt().isBefore(firstStart))) {
        firstStart = p.startedAt();
      }
    }
    long left = waiting + syncing;
    Instant finish = null;
    if (left > 0 && finishedWithProgress > 0 && firstStart != null && firstStart.isBefore(now)) {
      Duration perMailbox = Duration.between(firstStart, now).dividedBy(finishedWithProgress);
      finish = now.plus(perMailbox.multipliedBy(left));
    }
    return new BatchProgress(
        waiting,
        syncing,
        synced,
        failed,
        messages,
        messagesToCopy,
        bytes,
        bytesToCopy,
        rate,
        finish);
  }
}
