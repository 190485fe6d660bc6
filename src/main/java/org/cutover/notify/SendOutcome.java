package org.cutover.notify;

/**
 * What became of one message handed to the SMTP server. The reasons are the server's reply or a
 * short description of the failure, never a credential.
 */
public sealed interface SendOutcome {

  /** The server accepted the message (250 after the data). */
  record Accepted() implements SendOutcome {}

  /** The server answered 4xx: not accepted this time; trying again later may succeed. */
  record Deferred(String reason) implements SendOutcome {}

  /** The server answered 5xx or the address is unusable: not accepted, and never will be. */
  record Refused(String reason) implements SendOutcome {}

  /**
   * The connection failed while the message was being handed over: the server may or may not have
   * taken it.
   */
  record Unknown(String reason) implements SendOutcome {}
}
