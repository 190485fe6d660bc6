package org.cutover.mailsync;

/** What happens on the target to a message that was copied and later deleted on the source. */
public enum DeletedOnSource {
  /** Keep the copy on the target (the default: a sync never loses mail). */
  KEEP_ON_TARGET,
  /** Delete the copy on the target too (flag \Deleted and expunge it by UID). */
  DELETE_ON_TARGET
}
