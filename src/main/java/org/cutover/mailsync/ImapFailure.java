package org.cutover.mailsync;

import java.time.Duration;

/**
 * A failure talking to an IMAP server, classified: the message names the server and what to do, and
 * never holds a secret or message content.
 */
final class ImapFailure extends RuntimeException {

  private final EndpointProblem problem;
  private final Duration backoffHint;

  ImapFailure(EndpointProblem problem, String message) {
    this(problem, message, null, null);
  }

  ImapFailure(EndpointProblem problem, String message, Duration backoffHint, Throwable cause) {
    super(message, cause);
    this.problem = problem;
    this.backoffHint = backoffHint;
  }

  EndpointProblem problem() {
    return problem;
  }

  /** The wait the server asked for, or null. */
  Duration backoffHint() {
    return backoffHint;
  }

  /**
   * Worth retrying within the pass. A refused connection is not: nothing listens there, and waiting
   * a minute before saying so helps no one. (A refusal while reconnecting after a dropped
   * connection may be the server restarting; {@link #retryableAfterDrop} covers that.)
   */
  boolean retryable() {
    return problem.mayPass();
  }

  /** Worth retrying when the connection this replaces worked and was dropped. */
  boolean retryableAfterDrop() {
    return retryable() || problem == EndpointProblem.CONNECTION_REFUSED;
  }
}
