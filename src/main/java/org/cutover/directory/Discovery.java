package org.cutover.directory;

import java.util.List;

/** What a directory search found: the recipients, and the entries it left out with the reason. */
public record Discovery(List<Recipient> recipients, List<SkippedEntry> skipped) {

  public Discovery {
    recipients = List.copyOf(recipients);
    skipped = List.copyOf(skipped);
  }
}
