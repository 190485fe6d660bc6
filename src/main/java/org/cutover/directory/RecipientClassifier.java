package org.cutover.directory;

import java.util.Optional;

/**
 * Says what a directory entry is: by {@code msExchRecipientTypeDetails} where Exchange wrote it,
 * else by its object classes (a plain LDAP server, or AD without Exchange).
 */
final class RecipientClassifier {

  /** The account is disabled (userAccountControl ACCOUNTDISABLE). */
  private static final long ACCOUNT_DISABLED = 0x2;

  /** groupType: a security group (else a distribution group). */
  private static final long SECURITY_ENABLED = 0x80000000L;

  private RecipientClassifier() {}

  /** The entry's kind, or why it is not a recipient. */
  sealed interface Classification {}

  record Kind(RecipientKind kind) implements Classification {}

  record NotRecipient(ExclusionReason reason) implements Classification {}

  static Classification classify(DirectoryEntry entry) {
    String details = entry.value("msExchRecipientTypeDetails");
    if (details != null) {
      return byTypeDetails(parse(details), entry);
    }
    boolean hasAddress = entry.value("mail") != null || !entry.values("proxyAddresses").isEmpty();
    if (!hasAddress) {
      return new NotRecipient(ExclusionReason.NO_MAILBOX);
    }
    if (isGroup(entry)) {
      return new Kind(groupKind(entry));
    }
    if (entry.hasObjectClass("contact")) {
      return new Kind(RecipientKind.MAIL_CONTACT);
    }
    return new Kind(RecipientKind.USER_MAILBOX);
  }

  /** Whether the entry's account is disabled (AD's userAccountControl). */
  static boolean disabled(DirectoryEntry entry) {
    String control = entry.value("userAccountControl");
    return control != null && (parse(control) & ACCOUNT_DISABLED) != 0;
  }

  private static Classification byTypeDetails(long details, DirectoryEntry entry) {
    // Values as Exchange's RecipientTypeDetails enumeration defines them.
    Optional<RecipientKind> kind =
        switch ((int) Math.min(details, Integer.MAX_VALUE)) {
          case 1, 2, 8 -> Optional.of(RecipientKind.USER_MAILBOX);
          case 4 -> Optional.of(RecipientKind.SHARED_MAILBOX);
          case 16 -> Optional.of(RecipientKind.ROOM_MAILBOX);
          case 32 -> Optional.of(RecipientKind.EQUIPMENT_MAILBOX);
          case 64, 32768 -> Optional.of(RecipientKind.MAIL_CONTACT);
          case 128 -> Optional.of(RecipientKind.MAIL_USER);
          case 256, 2048, 268435456 -> Optional.of(RecipientKind.DISTRIBUTION_GROUP);
          case 512 -> Optional.of(groupKind(entry));
          case 1024 -> Optional.of(RecipientKind.SECURITY_GROUP);
          default -> Optional.empty();
        };
    if (kind.isPresent()) {
      return new Kind(kind.get());
    }
    // Remote (already moved) mailboxes route to their target address like a mail user.
    if (details == 2147483648L
        || details == 8589934592L
        || details == 17179869184L
        || details == 34359738368L) {
      return new Kind(RecipientKind.MAIL_USER);
    }
    // 65536 User, 131072 Contact, 262144/524288/1048576 groups that are not mail-enabled,
    // 2097152 DisabledUser.
    if (details == 65536
        || details == 131072
        || details == 262144
        || details == 524288
        || details == 1048576
        || details == 2097152) {
      return new NotRecipient(ExclusionReason.NO_MAILBOX);
    }
    return new NotRecipient(ExclusionReason.SYSTEM_MAILBOX);
  }

  private static boolean isGroup(DirectoryEntry entry) {
    return entry.hasObjectClass("group")
        || entry.hasObjectClass("groupOfNames")
        || entry.hasObjectClass("groupOfUniqueNames");
  }

  private static RecipientKind groupKind(DirectoryEntry entry) {
    String type = entry.value("groupType");
    return type != null && (parse(type) & SECURITY_ENABLED) != 0
        ? RecipientKind.SECURITY_GROUP
        : RecipientKind.DISTRIBUTION_GROUP;
  }

  /** AD writes groupType as a signed 32-bit number: -2147483646 is a security group. */
  private static long parse(String number) {
    try {
      long value = Long.parseLong(number.strip());
      return value < 0 ? value & 0xFFFFFFFFL : value;
    } catch (NumberFormatException notANumber) {
      return 0;
    }
  }
}
