package org.cutover.mailsync;

import java.time.Instant;

/**
 * A message that was not copied in a pass, with why. Holds no message content beyond its Message-ID
 * and the start of its subject, so that a person can find it.
 *
 * @param folder source folder
 * @param sourceUid its UID on the source
 * @param size its size in bytes as the source reports it
 * @param internalDate its INTERNALDATE (null when unknown)
 * @param reason why it was not copied
 * @param detail what the server said or which limit applied
 * @param messageId its Message-ID header (null when it has none or the source would not say)
 * @param subject its decoded subject, at most {@value MessageEnvelope#MAX_SUBJECT} characters (null
 *     when unknown)
 */
public record SkippedItem(
    String folder,
    long sourceUid,
    long size,
    Instant internalDate,
    Reason reason,
    String detail,
    String messageId,
    String subject) {

  public SkippedItem(
      String folder,
      long sourceUid,
      long size,
      Instant internalDate,
      Reason reason,
      String detail) {
    this(folder, sourceUid, size, internalDate, reason, detail, null, null);
  }

  /** The same item with what its header section says. */
  SkippedItem describedBy(MessageEnvelope envelope) {
    return new SkippedItem(
        folder,
        sourceUid,
        size,
        internalDate,
        reason,
        detail,
        envelope.messageId(),
        envelope.subject());
  }

  public enum Reason {
    /** Larger than the configured limit or the target's APPENDLIMIT. */
    TOO_LARGE,
    /** The target refused the APPEND (counts against the bad-item limit). */
    REJECTED_BY_TARGET,
    /** The source could not deliver the message's bytes. */
    UNREADABLE_ON_SOURCE
  }
}
