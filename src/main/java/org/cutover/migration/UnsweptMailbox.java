package org.cutover.migration;

/**
 * A mailbox without a pass since the sweep began.
 *
 * @param reason why, in the administrator's words: the last error, or that no pass has run yet
 */
public record UnsweptMailbox(String id, String emailAddress, String reason) {

  /** One line for a task form: the address and the reason. */
  public String line() {
    return emailAddress + ": " + reason;
  }
}
