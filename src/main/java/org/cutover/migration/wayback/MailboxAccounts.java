package org.cutover.migration.wayback;

import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.SyncOptions;
import org.cutover.mailsync.TargetAccount;

/**
 * How the forward sync signs in to both sides of one mailbox and with which options, so that the
 * way back can run the same engine with the sides swapped.
 */
public interface MailboxAccounts {

  /** The source login of the mailbox, as a forward pass signs in. */
  SourceAccount source(String mailboxId);

  /** The target login of the mailbox, as a forward pass signs in. */
  TargetAccount target(String mailboxId);

  /** The options of a forward pass of the mailbox's migration. */
  SyncOptions options(String mailboxId);
}
