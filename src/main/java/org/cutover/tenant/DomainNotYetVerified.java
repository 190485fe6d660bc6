package org.cutover.tenant;

/**
 * Microsoft 365 has not verified the domain yet: the verification TXT record is not published, or
 * not seen yet. Trying again after it is published succeeds. Carries the text to publish.
 */
public class DomainNotYetVerified extends TargetUnavailable {

  private final String domain;
  private final String verificationText;

  public DomainNotYetVerified(String domain, String verificationText, String message) {
    super(message);
    this.domain = domain;
    this.verificationText = verificationText;
  }

  public String domain() {
    return domain;
  }

  /** The TXT value to publish at the domain, such as {@code MS=ms12345678}. */
  public String verificationText() {
    return verificationText;
  }
}
