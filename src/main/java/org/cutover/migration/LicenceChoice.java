package org.cutover.migration;

import java.util.List;

/** What the task "Assign licences" can offer the administrator for a migration. */
public sealed interface LicenceChoice {

  /** The target's licences, mailbox licences first. */
  record Offered(List<LicenceOption> options) implements LicenceChoice {
    public Offered {
      options = List.copyOf(options);
    }
  }

  /**
   * The target has no licences to choose from (an IMAP host): {@code reason} says what the
   * administrator checks instead.
   */
  record NotOffered(String reason) implements LicenceChoice {}
}
