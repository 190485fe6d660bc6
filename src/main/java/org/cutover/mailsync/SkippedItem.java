package org.cutover.mailsync;

import java.time.Instant;

/**
 * A message that was not copied in a pass, with why. Holds no message content.
 *
 * @param folder source folder
 * @param sourceUid its UID on the source
 * @param size its size in bytes as the source reports it
 * @param internalDate its INTERNALDATE (null when unknown)
 * @param reason why it was not copied
 * @param detail what the server said or which limit applied
 */
public record SkippedItem(
    String folder, long sourceUid, long size, Instant internalDate, Reason reason, String detail) {

  public enum Reason {
    /** Larger than the configured limit or the target's APPENDLIMIT. */
    TOO_LARGE,
    /** The target refused the APPEND (counts against the bad-item limit). */
    REJECTED_BY_TARGET,
    /** The source could not deliver the message's bytes. */
    UNREADABLE_ON_SOURCE
  }
}
