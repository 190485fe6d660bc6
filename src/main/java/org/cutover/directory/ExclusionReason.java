package org.cutover.directory;

/** Why a directory entry's mailbox is not in the proposed batch. */
public enum ExclusionReason {
  /** The user's account is disabled. */
  DISABLED,
  /** A mail user, a mail contact, or an entry that is not mail-enabled: nothing to copy. */
  NO_MAILBOX,
  /** A room mailbox: a calendar to book, kept as an address only. */
  ROOM_MAILBOX,
  /** An equipment mailbox: a calendar to book, kept as an address only. */
  EQUIPMENT_MAILBOX,
  /** The primary address is not in the migrated domain. */
  OUTSIDE_DOMAIN,
  /** Exchange's own system, arbitration or discovery mailbox. */
  SYSTEM_MAILBOX,
  /** Proposed, but left out of the batch's mailbox list by the administrator. */
  NOT_LISTED
}
