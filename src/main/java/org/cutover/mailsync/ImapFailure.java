package org.cutover.mailsync;

import java.time.Duration;

/**
 * A failure talking to an IMAP server, classified: the message names the server and what to do, and
 * never holds a secret or message content.
 */
final class ImapFailure extends RuntimeException {

  private final EndpointProblem problem;
  private final Duration backoffHint;
  private final boolean sentAway;
  private volatile ImapEndpoint server;
  private volatile String refusedLogin;

  ImapFailure(EndpointProblem problem, String message) {
    this(problem, message, null, null);
  }

  ImapFailure(EndpointProblem problem, String message, Duration backoffHint, Throwable cause) {
    this(problem, message, backoffHint, cause, false);
  }

  /**
   * @param sentAway the server itself ended the connection with a BYE (not a dropped socket)
   */
  ImapFailure(
      EndpointProblem problem,
      String message,
      Duration backoffHint,
      Throwable cause,
      boolean sentAway) {
    super(message, cause);
    this.problem = problem;
    this.backoffHint = backoffHint;
    this.sentAway = sentAway;
  }

  /** Names the server that answered, where the failure was made without knowing it. */
  ImapFailure onServer(ImapEndpoint endpoint) {
    if (server == null) {
      server = endpoint;
    }
    return this;
  }

  /** The server whose answer this is, or null when not known. */
  ImapEndpoint server() {
    return server;
  }

  /** Marks this failure as the login of {@code role} (source or target) refused by its server. */
  ImapFailure refusedLoginOf(String role) {
    refusedLogin = role;
    return this;
  }

  /** source or target when that side's server refused the login itself, else null. */
  String refusedLogin() {
    return refusedLogin;
  }

  /**
   * The server asked every client to slow down: it throttles, is unavailable, or sent this one away
   * with a BYE. Other passes against the same server should wait too.
   */
  boolean serverAskedToWait() {
    return problem == EndpointProblem.THROTTLED || sentAway;
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
