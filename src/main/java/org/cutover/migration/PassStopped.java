package org.cutover.migration;

/**
 * A pass stopped before its next write to the target because it no longer held its task's lock or
 * its mailbox's lease: another pass may run the mailbox now. It resumes where it stopped when the
 * task runs again; the message says why it stopped.
 */
public class PassStopped extends RuntimeException {

  public PassStopped(String message) {
    super(message);
  }
}
