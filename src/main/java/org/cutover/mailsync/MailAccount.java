package org.cutover.mailsync;

/** One mailbox on one IMAP server: where it is and how to log in. */
public sealed interface MailAccount permits SourceAccount, TargetAccount {

  ImapEndpoint endpoint();

  ImapLogin login();

  /** {@code user@host:port}, for messages (never holds a secret). */
  default String describe() {
    return login().mailboxUser() + "@" + endpoint().address();
  }
}
