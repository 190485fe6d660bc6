package org.cutover.mailsync;

import java.util.Objects;

/** The mailbox mail is read from. The engine only reads it (EXAMINE, BODY.PEEK). */
public record SourceAccount(ImapEndpoint endpoint, ImapLogin login) implements MailAccount {
  public SourceAccount {
    Objects.requireNonNull(endpoint, "source endpoint");
    Objects.requireNonNull(login, "source login");
  }
}
