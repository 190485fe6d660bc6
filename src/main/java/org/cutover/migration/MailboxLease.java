package org.cutover.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A pass's hold on its mailbox. Once lost (taken over after it expired, or not renewed in time) it
 * stays lost: the pass must stop before its next write.
 */
final class MailboxLease implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MailboxLease.class);

  private final MailboxLeases leases;
  private final String mailboxId;
  private final String owner;
  private volatile Instant heldUntil;
  private volatile String lost;
  private ScheduledFuture<?> renewals;

  MailboxLease(MailboxLeases leases, String mailboxId, String owner, Instant heldUntil) {
    this.leases = leases;
    this.mailboxId = mailboxId;
    this.owner = owner;
    this.heldUntil = heldUntil;
  }

  void renewEvery(ScheduledExecutorService scheduler, Duration interval) {
    renewals =
        scheduler.scheduleWithFixedDelay(
            this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Renews the lease; null while this pass holds it, else why it does not any more. */
  synchronized String check() {
    if (lost != null) {
      return lost;
    }
    Instant now = leases.now();
    Instant until = now.plus(leases.duration());
    try {
      if (leases.renew(mailboxId, owner, until)) {
        heldUntil = until;
        return null;
      }
      lost =
          leases.batchEnded(mailboxId)
              ? "the batch of mailbox "
                  + mailboxId
                  + " was stopped (migration cancelled) or deleted; the pass stopped before its"
                  + " next write"
              : "the lease of mailbox "
                  + mailboxId
                  + " expired or was taken over"
                  + leases.holder(mailboxId).map(h -> " (now held by " + h + ")").orElse("");
    } catch (DataAccessException e) {
      // A database that cannot be reached for a moment is no loss while the lease still runs.
      if (now.isBefore(heldUntil.minus(leases.duration().dividedBy(4)))) {
        log.warn("Mailbox {}: lease not renewed ({}), retrying", mailboxId, e.getClass().getName());
        return null;
      }
      lost =
          "the lease of mailbox "
              + mailboxId
              + " could not be renewed before it ran out ("
              + e.getClass().getSimpleName()
              + ")";
    }
    log.warn("Mailbox {}: {}", mailboxId, lost);
    return lost;
  }

  @Override
  public synchronized void close() {
    if (renewals != null) {
      renewals.cancel(false);
    }
    // Deleted only where this pass is still the owner: a lease taken over stays with its taker.
    try {
      leases.release(mailboxId, owner);
    } catch (DataAccessException e) {
      log.warn(
          "Mailbox {}: lease not released ({}); it runs out by itself",
          mailboxId,
          e.getClass().getSimpleName());
    }
  }
}
