package org.cutover.tenant;

/**
 * One mailbox of a batch that must exist at the target before mail is copied into it.
 *
 * @param migrationId the migration it belongs to
 * @param mailboxId its id in the batch
 * @param address the user's SMTP address at the source, which becomes its address at the target
 * @param displayName the user's name, or null to show the address
 */
public record MailboxToProvision(
    String migrationId, String mailboxId, String address, String displayName) {

  public MailboxToProvision {
    if (address == null || address.indexOf('@') < 1) {
      throw new IllegalArgumentException(
          "Mailbox " + mailboxId + " has no email address to provision");
    }
    address = address.strip();
    displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
  }

  /** The name the user is shown with: its display name, else its address. */
  public String shownName() {
    return displayName != null ? displayName : address;
  }
}
