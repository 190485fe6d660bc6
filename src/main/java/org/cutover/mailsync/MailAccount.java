package org.cutover.mailsync;

import java.util.Locale;

/** One mailbox on one IMAP server: where it is, whose it is and how to log in. */
public sealed interface MailAccount permits SourceAccount, TargetAccount {

  ImapEndpoint endpoint();

  ImapLogin login();

  /** The user whose mailbox this is. */
  String user();

  /**
   * Whether the login opens this user's mailbox: its effective identity (the user of a password or
   * XOAUTH2 login, the authorization identity of a delegated one) is the user. Server user names
   * are compared without regard to case, as mail servers do.
   */
  default boolean loginOpensOwnMailbox() {
    return login().mailboxUser().toLowerCase(Locale.ROOT).equals(user().toLowerCase(Locale.ROOT));
  }

  /** {@code user@host:port}, for messages (never holds a secret). */
  default String describe() {
    return user() + "@" + endpoint().address();
  }
}
