package org.cutover.migration;

import java.time.Instant;

/**
 * One mailbox of a batch and how its syncs went. Counts add up over all passes; {@code
 * lastSuccessfulSync} is when the last pass that succeeded started (mail that arrived before it is
 * copied).
 */
public record MailboxState(
    String id,
    String migrationId,
    String emailAddress,
    String sourceLogin,
    String displayName,
    MailboxStatus status,
    Instant lastSuccessfulSync,
    long messagesCopied,
    long flagsUpdated,
    long messagesSkipped,
    long bytesCopied,
    String lastError) {}
