package org.cutover.migration.wayback;

import java.time.Instant;
import java.util.List;

/** What the way back copied to the source, per mailbox, and what it could not. */
public record WayBackReport(List<Mailbox> mailboxes) {

  public WayBackReport {
    mailboxes = List.copyOf(mailboxes);
  }

  /**
   * One mailbox: messages copied back, messages whose flags were brought back, and each message or
   * folder that could not be copied back (empty: all came back).
   */
  public record Mailbox(
      String emailAddress,
      long messagesCopied,
      long flagsUpdated,
      List<String> notCopied,
      Instant copiedAt) {

    public Mailbox {
      notCopied = List.copyOf(notCopied);
    }
  }
}
