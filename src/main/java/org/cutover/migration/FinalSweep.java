package org.cutover.migration;

import java.time.Instant;
import java.util.List;

/**
 * The final sweep of a migration.
 *
 * @param startedAt when the sweep began
 * @param sweptAfter a pass that started at or after this moment sweeps its mailbox: the later of
 *     the sweep's start and the switch plus the TTL the old MX records had
 * @param unswept mailboxes without such a pass yet
 * @param gapAcceptedBy the administrator who let the batch go with mailboxes not swept, or null
 * @param gapAcceptedAt when
 * @param gapMailboxes the addresses of the mailboxes the administrator accepted unswept
 */
public record FinalSweep(
    Instant startedAt,
    Instant sweptAfter,
    int unswept,
    String gapAcceptedBy,
    Instant gapAcceptedAt,
    List<String> gapMailboxes) {}
