package org.cutover.mailsync;

import java.time.Instant;

/**
 * What the engine knows of a source message before fetching its bytes.
 *
 * @param uid its UID
 * @param flags its flags and keywords
 * @param internalDate its INTERNALDATE exactly as the server gave it (zone included)
 * @param instant the same as an instant
 * @param size RFC822.SIZE as the server reports it (an estimate on Exchange)
 */
record SourceMessage(long uid, FlagSet flags, String internalDate, Instant instant, long size) {}
