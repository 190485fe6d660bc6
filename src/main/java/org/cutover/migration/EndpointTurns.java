package org.cutover.migration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Lets a pass start only when every server it talks to has room for it on the whole cluster: no
 * back-off of the server runs, and a slot of each server is free.
 *
 * <p>A pass without its turn waits up to {@code cutover.worker.endpoint-wait}, its task lock still
 * extended, and then hands its task back to wait {@code cutover.worker.endpoint-retry} without
 * using up a try. Waiting a while catches a slot a few seconds after it frees, where a task handed
 * back at once would only be fetched again after its retry wait; handing back in the end frees the
 * node's worker thread for mailboxes of other servers and keeps a task from holding its lock idle
 * for as long as a whole batch takes. Handing back every task at once would instead send each task
 * of a large batch through the engine twice a minute. A back-off that runs longer than the wait
 * hands the task back at once, until the back-off ends.
 */
@Component
class EndpointTurns {

  /** How often a waiting pass looks again. */
  static final Duration LOOK_AGAIN = Duration.ofSeconds(1);

  private final PassServers servers;
  private final EndpointSlots slots;
  private final EndpointBackOffs backOffs;
  private final Duration wait;
  private final Duration retry;

  EndpointTurns(
      PassServers servers,
      EndpointSlots slots,
      EndpointBackOffs backOffs,
      @Value("${cutover.worker.endpoint-wait:PT1M}") Duration wait,
      @Value("${cutover.worker.endpoint-retry:PT30S}") Duration retry) {
    if (wait.isNegative() || retry.isNegative() || retry.isZero()) {
      throw new IllegalArgumentException(
          "cutover.worker.endpoint-wait must not be negative and cutover.worker.endpoint-retry"
              + " must be positive, not "
              + wait
              + " and "
              + retry);
    }
    this.servers = servers;
    this.slots = slots;
    this.backOffs = backOffs;
    this.wait = wait;
    this.retry = retry;
  }

  /**
   * The turn of the mailbox's pass, waiting for it while {@code lock} is held.
   *
   * @throws MailboxBusy when no turn came within the wait (nothing is held)
   * @throws PassStopped when the task's lock was lost while waiting
   */
  EndpointTurn take(String mailboxId, TaskLock lock) {
    List<PassServer> passServers = servers.of(mailboxId);
    List<String> keys = passServers.stream().map(PassServer::key).toList();
    Instant giveUp = slots.now().plus(wait);
    while (true) {
      String lost = lock.lostReason();
      if (lost != null) {
        throw new PassStopped(
            "The sync of mailbox " + mailboxId + " stopped before it started: " + lost);
      }
      Instant now = slots.now();
      Optional<EndpointBackOffs.BackOff> backOff = backOffs.running(keys);
      if (backOff.isPresent() && backOff.get().until().isAfter(giveUp)) {
        throw new MailboxBusy(
            "Mailbox "
                + mailboxId
                + " waits: server "
                + backOff.get().key()
                + " asked to slow down ("
                + backOff.get().reason()
                + "); no new pass against it before "
                + backOff.get().until(),
            Duration.between(now, backOff.get().until()).plus(LOOK_AGAIN));
      }
      if (backOff.isEmpty()) {
        Optional<EndpointTurn> turn = tryAll(passServers, mailboxId, lock.worker());
        if (turn.isPresent()) {
          return turn.get();
        }
        if (!now.isBefore(giveUp)) {
          throw new MailboxBusy(
              "Mailbox " + mailboxId + " waits for a free slot: " + full(passServers), retry);
        }
      }
      pause(mailboxId);
    }
  }

  /** A slot of every limited server, or none at all: a pass never sits on a part of its turn. */
  private Optional<EndpointTurn> tryAll(
      List<PassServer> passServers, String mailboxId, String who) {
    List<EndpointSlot> taken = new ArrayList<>();
    for (PassServer server : passServers) {
      if (server.limit() == 0) {
        continue;
      }
      Optional<EndpointSlot> slot = slots.take(server, mailboxId, who);
      if (slot.isEmpty()) {
        taken.forEach(EndpointSlot::close);
        return Optional.empty();
      }
      taken.add(slot.get());
    }
    return Optional.of(new EndpointTurn(taken));
  }

  private String full(List<PassServer> passServers) {
    List<String> full = new ArrayList<>();
    Instant now = slots.now();
    for (PassServer s : passServers) {
      if (s.limit() > 0
          && slots.held(s.key(), now).stream().filter(n -> n < s.limit()).count() >= s.limit()) {
        full.add(
            "server "
                + s.key()
                + " has its "
                + s.limit()
                + " mailboxes at once ("
                + slots.holders(s.key())
                + ")");
      }
    }
    return full.isEmpty() ? "its servers were busy" : String.join("; ", full);
  }

  private static void pause(String mailboxId) {
    try {
      Thread.sleep(LOOK_AGAIN.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MailboxBusy(
          "Mailbox " + mailboxId + ": the worker stopped while the pass waited for its turn",
          LOOK_AGAIN);
    }
  }
}
