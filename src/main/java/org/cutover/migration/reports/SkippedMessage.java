package org.cutover.migration.reports;

import java.time.Instant;

/**
 * A message a pass did not copy.
 *
 * @param folder source folder
 * @param uid its UID there
 * @param messageId its Message-ID, null when unknown
 * @param subject the start of its subject, null when unknown
 * @param size its size in bytes as the source reports it
 * @param date its INTERNALDATE, null when unknown
 * @param reason TOO_LARGE, REJECTED_BY_TARGET or UNREADABLE_ON_SOURCE
 * @param detail the limit that applied or what the server answered
 * @param passStarted when the pass that met it started
 */
public record SkippedMessage(
    String folder,
    long uid,
    String messageId,
    String subject,
    long size,
    Instant date,
    String reason,
    String detail,
    Instant passStarted) {}
