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
 * A pass's slot of one server. Once lost (taken over after it expired, or not renewed in time) it
 * stays lost: the server may have a pass too many, so the pass stops before its next write.
 */
final class EndpointSlot implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EndpointSlot.class);

  private final EndpointSlots slots;
  private final String key;
  private final int slot;
  private final String owner;
  private volatile Instant heldUntil;
  private volatile String lost;
  private ScheduledFuture<?> renewals;

  EndpointSlot(EndpointSlots slots, String key, int slot, String owner, Instant heldUntil) {
    this.slots = slots;
    this.key = key;
    this.slot = slot;
    this.owner = owner;
    this.heldUntil = heldUntil;
  }

  void renewEvery(ScheduledExecutorService scheduler, Duration interval) {
    renewals =
        scheduler.scheduleWithFixedDelay(
            this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  String key() {
    return key;
  }

  int number() {
    return slot;
  }

  /** Renews the slot; null while this pass holds it, else why it does not any more. */
  synchronized String check() {
    if (lost != null) {
      return lost;
    }
    Instant now = slots.now();
    Instant until = now.plus(slots.duration());
    try {
      if (slots.renew(key, slot, owner, until)) {
        heldUntil = until;
        return null;
      }
      lost = "its slot " + slot + " of server " + key + " expired or was taken over";
    } catch (DataAccessException e) {
      // A database that cannot be reached for a moment is no loss while the slot still runs.
      if (now.isBefore(heldUntil.minus(slots.duration().dividedBy(4)))) {
        log.warn("Slot {} of {} not renewed ({}), retrying", slot, key, e.getClass().getName());
        return null;
      }
      lost =
          "its slot "
              + slot
              + " of server "
              + key
              + " could not be renewed before it ran out ("
              + e.getClass().getSimpleName()
              + ")";
    }
    log.warn("Pass lost {}", lost);
    return lost;
  }

  @Override
  public synchronized void close() {
    if (renewals != null) {
      renewals.cancel(false);
    }
    if (lost == null) {
      try {
        slots.release(key, slot, owner);
      } catch (DataAccessException e) {
        log.warn("Slot {} of {} not released ({}); it runs out by itself", slot, key, e.toString());
      }
    }
  }
}
