package org.cutover.migration;

import java.time.Duration;

/**
 * Another pass holds the mailbox's lease, or its endpoints are at their limit of mailboxes syncing
 * at once: this pass did not start and nothing was written. The task should wait {@link
 * #retryAfter()} without using up a try.
 */
public class MailboxBusy extends RuntimeException {

  private final transient Duration retryAfter;

  public MailboxBusy(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
