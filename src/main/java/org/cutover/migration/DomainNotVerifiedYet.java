package org.cutover.migration;

/**
 * The target has not verified the migrated domain yet, so it names no MX records for it; the TXT
 * record it verifies the domain by is {@link #verificationText()}. Retrying after the record is
 * published succeeds.
 */
public class DomainNotVerifiedYet extends TransientStepFailure {

  private final String verificationText;

  public DomainNotVerifiedYet(String verificationText, String message) {
    super(message);
    this.verificationText = verificationText;
  }

  /** The TXT value to publish at the domain, such as {@code MS=ms12345678}. */
  public String verificationText() {
    return verificationText;
  }
}
