package org.cutover.migration;

import java.time.Instant;
import org.cutover.notify.LetterKind;

/**
 * One letter to one person and what became of it.
 *
 * @param address the recipient's address as given
 * @param mailboxId the user's mailbox, or null for a letter to the administrator
 * @param attempts how many times it was handed to the SMTP server
 * @param lastError the last reason it was not accepted, or null
 */
public record LetterDelivery(
    String id,
    String migrationId,
    LetterKind kind,
    String address,
    String mailboxId,
    String displayName,
    DeliveryStatus status,
    int attempts,
    String lastError,
    Instant sentAt,
    Instant updatedAt) {}
