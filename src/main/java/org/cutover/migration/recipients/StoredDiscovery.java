package org.cutover.migration.recipients;

import java.time.Instant;

/**
 * A directory discovery as stored: what it was for, the migration that took it, if one, and whether
 * it still waits for the administrator's review in Tasklist (then no migration may take it).
 */
public record StoredDiscovery(
    String id,
    String domain,
    String source,
    String migrationId,
    Instant createdAt,
    boolean awaitingReview,
    String reviewedBy) {}
