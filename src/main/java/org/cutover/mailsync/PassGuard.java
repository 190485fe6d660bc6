package org.cutover.mailsync;

/**
 * Asked before every write to the target (a batch of appends, a flag or deletion update, a folder
 * created): a pass that no longer has the right to its mailbox must not write another byte. May be
 * called from several workers of one pass at once; it should return quickly.
 */
@FunctionalInterface
public interface PassGuard {

  PassGuard NONE = () -> null;

  /** Why this pass must stop before writing, or null while it may go on. */
  String stopReason();
}
