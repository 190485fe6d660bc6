package org.cutover.directory;

/** What a recipient is, in Exchange's terms. */
public enum RecipientKind {
  USER_MAILBOX,
  SHARED_MAILBOX,
  ROOM_MAILBOX,
  EQUIPMENT_MAILBOX,
  DISTRIBUTION_GROUP,
  SECURITY_GROUP,
  MAIL_CONTACT,
  MAIL_USER;

  /** Whether the recipient has a mailbox of its own at the source. */
  public boolean hasMailbox() {
    return this == USER_MAILBOX
        || this == SHARED_MAILBOX
        || this == ROOM_MAILBOX
        || this == EQUIPMENT_MAILBOX;
  }

  /** Whether mail to the recipient goes to its members. */
  public boolean isGroup() {
    return this == DISTRIBUTION_GROUP || this == SECURITY_GROUP;
  }

  /** A room or equipment mailbox: a calendar to book, never a person to write to. */
  public boolean isResource() {
    return this == ROOM_MAILBOX || this == EQUIPMENT_MAILBOX;
  }
}
