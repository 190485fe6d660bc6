package org.cutover.migration.provisioning;

import org.cutover.directory.RecipientKind;

/** Recipient kinds in the administrator's words. */
final class RecipientNames {

  private RecipientNames() {}

  static String kind(RecipientKind kind) {
    return switch (kind) {
      case USER_MAILBOX -> "user mailbox";
      case SHARED_MAILBOX -> "shared mailbox";
      case ROOM_MAILBOX -> "room mailbox";
      case EQUIPMENT_MAILBOX -> "equipment mailbox";
      case DISTRIBUTION_GROUP -> "distribution group";
      case SECURITY_GROUP -> "mail-enabled security group";
      case MAIL_CONTACT -> "mail contact";
      case MAIL_USER -> "mail user";
    };
  }
}
