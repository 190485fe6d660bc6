package org.cutover.mailsync;

/**
 * An APPEND about to be sent (recorded before it is sent): if the run dies before its answer is
 * recorded, the next run looks for the copy among target UIDs from {@code targetUidFloor} on by its
 * fingerprint before appending again.
 *
 * @param sourceUid the source message
 * @param fingerprint {@link MessageFingerprint} of the bytes being appended, in its stored form
 * @param flags the flags appended with it
 * @param targetUidFloor the target's UIDNEXT before the append: the copy, if any, has a UID at or
 *     above it
 */
public record PendingAppend(long sourceUid, String fingerprint, String flags, long targetUidFloor) {
  public PendingAppend {
    if (sourceUid <= 0) {
      throw new IllegalArgumentException("source UID must be positive, got " + sourceUid);
    }
    if (fingerprint == null || fingerprint.isEmpty()) {
      throw new IllegalArgumentException("a pending append needs the fingerprint of its message");
    }
    flags = flags == null ? "" : flags;
    targetUidFloor = Math.max(1, targetUidFloor);
  }
}
