package org.cutover.migration.watch;

import java.time.Duration;

/** The outcome of one look at the source: whether the watch is over, and when to look again. */
public record WatchCheck(boolean over, Duration nextCheckIn) {}
