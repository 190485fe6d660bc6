package org.cutover.migration;

import java.util.List;

/**
 * Where one step of the mailbox preflight left its round.
 *
 * @param unchecked mailboxes the round has still to open; 0 when the round is over
 * @param failing once the round is over, the mailboxes that fail, in batch order; empty before
 */
public record PreflightRound(int unchecked, List<MailboxCheck> failing) {

  public PreflightRound {
    failing = List.copyOf(failing);
  }

  public boolean over() {
    return unchecked == 0;
  }
}
