package org.cutover.migration.watch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A watch for late mail: its period, its looks at the source, how it ended ({@code PERIOD_OVER} or
 * {@code ROLLED_BACK}; null while it runs), and per mailbox what it copied to the target.
 */
public record WatchReport(
    Instant startedAt,
    Instant endsAt,
    Instant lastCheckAt,
    int checks,
    Instant endedAt,
    String endedHow,
    List<Mailbox> mailboxes) {

  public WatchReport {
    mailboxes = List.copyOf(mailboxes);
  }

  /** One mailbox: messages copied to the target since the watch began, and its last problem. */
  public record Mailbox(
      String emailAddress, long messagesCopied, Instant lastCheckAt, String lastError) {}

  public long messagesCopied() {
    return mailboxes.stream().mapToLong(Mailbox::messagesCopied).sum();
  }

  /** The summary the administrator reads when the watch ends, one line per mailbox. */
  public String summary() {
    List<String> lines = new ArrayList<>();
    lines.add(
        "Watched from "
            + startedAt
            + " to "
            + (endedAt != null ? endedAt : endsAt)
            + ", "
            + checks
            + " looks at the source: "
            + messagesCopied()
            + " late messages copied to the target.");
    for (Mailbox mailbox : mailboxes) {
      lines.add(
          mailbox.emailAddress()
              + ": "
              + mailbox.messagesCopied()
              + " copied"
              + (mailbox.lastError() == null ? "" : "; last look failed: " + mailbox.lastError()));
    }
    return String.join("\n", lines);
  }
}
