package org.cutover.mailsync;

import java.util.Objects;

/**
 * The mailbox mail is read from. The engine only reads it (EXAMINE, BODY.PEEK).
 *
 * @param user the user whose mailbox this is; the login must open exactly that mailbox
 */
public record SourceAccount(ImapEndpoint endpoint, ImapLogin login, String user)
    implements MailAccount {
  public SourceAccount {
    Objects.requireNonNull(endpoint, "source endpoint");
    Objects.requireNonNull(login, "source login");
    Objects.requireNonNull(user, "source mailbox user");
  }

  /** The mailbox the login itself opens (a password or XOAUTH2 login as its user). */
  public SourceAccount(ImapEndpoint endpoint, ImapLogin login) {
    this(endpoint, login, login.mailboxUser());
  }
}
