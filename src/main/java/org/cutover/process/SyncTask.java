package org.cutover.process;

import java.time.Instant;

/**
 * A locked {@code mailbox-sync} task as a worker sees it, wherever it was fetched from.
 *
 * @param id the external task's id
 * @param migrationId the process variable {@code migrationId}
 * @param mailboxId the process variable {@code mailboxId}
 * @param syncMode the process variable {@code syncMode} (INITIAL, INCREMENTAL, FINAL)
 * @param retries the tries left, null before the first failure
 * @param lockedUntil when the lock taken by the fetch runs out at the latest, by this node's clock
 */
record SyncTask(
    String id,
    String migrationId,
    String mailboxId,
    String syncMode,
    Integer retries,
    Instant lockedUntil) {}
