package org.cutover.migration.recipients;

import java.time.Instant;

/** A directory discovery as stored: what it was for, and the migration that took it, if one. */
public record StoredDiscovery(
    String id, String domain, String source, String migrationId, Instant createdAt) {}
