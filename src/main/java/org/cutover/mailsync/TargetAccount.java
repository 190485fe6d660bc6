package org.cutover.mailsync;

import java.util.Objects;

/** The mailbox mail is written to. */
public record TargetAccount(ImapEndpoint endpoint, ImapLogin login) implements MailAccount {
  public TargetAccount {
    Objects.requireNonNull(endpoint, "target endpoint");
    Objects.requireNonNull(login, "target login");
  }
}
