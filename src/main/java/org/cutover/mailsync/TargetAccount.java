package org.cutover.mailsync;

import java.util.Objects;

/**
 * The mailbox mail is written to.
 *
 * @param user the user whose mailbox this is; the login must open exactly that mailbox
 */
public record TargetAccount(ImapEndpoint endpoint, ImapLogin login, String user)
    implements MailAccount {
  public TargetAccount {
    Objects.requireNonNull(endpoint, "target endpoint");
    Objects.requireNonNull(login, "target login");
    Objects.requireNonNull(user, "target mailbox user");
  }

  /** The mailbox the login itself opens (a password or XOAUTH2 login as its user). */
  public TargetAccount(ImapEndpoint endpoint, ImapLogin login) {
    this(endpoint, login, login.mailboxUser());
  }
}
