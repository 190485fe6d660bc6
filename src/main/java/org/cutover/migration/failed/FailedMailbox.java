package org.cutover.migration.failed;

/**
 * A mailbox of the batch whose last pass failed after its tries.
 *
 * @param id the mailbox's id
 * @param emailAddress the user's address
 * @param error why the last pass failed, in our words (never a secret)
 */
public record FailedMailbox(String id, String emailAddress, String error) {}
