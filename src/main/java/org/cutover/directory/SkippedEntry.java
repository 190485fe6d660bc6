package org.cutover.directory;

/**
 * An entry the filter found that is no recipient Cutover can use: not mail-enabled, or a system
 * mailbox of Exchange's own.
 *
 * @param distinguishedName where the directory keeps it
 * @param name its display name or mail address, where it has one
 * @param reason why it is left out
 */
public record SkippedEntry(String distinguishedName, String name, ExclusionReason reason) {}
