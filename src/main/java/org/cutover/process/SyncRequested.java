package org.cutover.process;

import java.util.List;

/**
 * What a sync request started.
 *
 * @param queued mailbox ids given a pass now
 * @param alreadyQueued mailbox ids left out: a pass runs or waits to run already
 */
public record SyncRequested(List<String> queued, List<String> alreadyQueued) {}
