package org.cutover.mailsync;

/** What opening one mailbox before a migration found: its contents, or why it could not be read. */
public sealed interface MailboxInspection
    permits MailboxInspection.Opened, MailboxInspection.Failed {

  /**
   * The mailbox opened and every folder was read.
   *
   * @param folders selectable folders
   * @param messages messages in them
   * @param bytes their size (the sum of RFC822.SIZE, or STATUS SIZE where offered)
   * @param quotaFreeBytes storage the server's QUOTA still allows the mailbox, or -1 when the
   *     server reports no storage limit
   */
  record Opened(int folders, long messages, long bytes, long quotaFreeBytes)
      implements MailboxInspection {}

  /**
   * It could not be opened or read: {@code message} names the server and what it said, never a
   * secret; {@code folder} is the folder the login could not open, or null.
   */
  record Failed(EndpointProblem problem, String message, String folder)
      implements MailboxInspection {}
}
