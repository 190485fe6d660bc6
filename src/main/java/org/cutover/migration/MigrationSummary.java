package org.cutover.migration;

import java.time.Instant;

/** A stored migration in one line. */
public record MigrationSummary(
    String id,
    String domain,
    String batchName,
    MigrationPhase phase,
    BatchStatus batchStatus,
    Instant createdAt) {}
