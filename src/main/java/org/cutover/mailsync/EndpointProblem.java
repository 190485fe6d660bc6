package org.cutover.mailsync;

/** What went wrong talking to an IMAP endpoint, and whether it may pass by itself. */
public enum EndpointProblem {
  UNKNOWN_HOST(false),
  CONNECTION_REFUSED(false),
  NOT_IMAP(false),
  TIMED_OUT(true),
  CONNECTION_LOST(true),
  TLS_UNTRUSTED(false),
  TLS_NAME_MISMATCH(false),
  TLS_FAILED(false),
  STARTTLS_UNAVAILABLE(false),
  BAD_CREDENTIALS(false),
  NOT_AUTHORIZED(false),
  NO_MAILBOX_ACCESS(false),
  /** The login would open another user's mailbox than the one to sync. */
  WRONG_MAILBOX(false),
  THROTTLED(true),
  OVER_QUOTA(false),
  COMMAND_REFUSED(false),
  TOKEN_UNAVAILABLE(true);

  private final boolean mayPass;

  EndpointProblem(boolean mayPass) {
    this.mayPass = mayPass;
  }

  /** True when retrying later may succeed without anyone changing anything. */
  public boolean mayPass() {
    return mayPass;
  }
}
