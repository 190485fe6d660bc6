package org.cutover.migration;

/** Where the mailboxes move to. */
public enum TargetType {
  MICROSOFT_365,
  IMAP
}
