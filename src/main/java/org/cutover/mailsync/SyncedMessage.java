package org.cutover.mailsync;

/**
 * A source message and its copy on the target, with the source flags as they were when last brought
 * across (flags and keywords separated by single spaces, {@code \Recent} never included).
 */
public record SyncedMessage(long sourceUid, long targetUid, String flags) {
  public SyncedMessage {
    if (sourceUid <= 0 || targetUid <= 0) {
      throw new IllegalArgumentException(
          "UIDs are positive, got source " + sourceUid + " target " + targetUid);
    }
    flags = flags == null ? "" : flags;
  }
}
