package org.cutover.migration.letters;

/**
 * The settings users enter in their mail programs, as the letters of one migration name them: the
 * migration's own, completed from configuration.
 *
 * @param microsoft365 whether the target is Microsoft 365 (then only the sign-in address and
 *     Autodiscover count; the servers are null)
 * @param unencrypted whether some connection users make is not encrypted (the letters warn)
 */
public record MailClientSettings(
    boolean microsoft365,
    String incomingServer,
    Integer incomingPort,
    ClientEncryption incomingEncryption,
    String outgoingServer,
    Integer outgoingPort,
    ClientEncryption outgoingEncryption,
    String webmailAddress,
    String signInAddress,
    boolean autodiscover,
    boolean unencrypted) {

  /** Microsoft 365's own sign-in and webmail address. */
  public static final String MICROSOFT_365_SIGN_IN = "https://outlook.office.com";

  /** Microsoft 365's server, for mail programs that do not find it by themselves. */
  public static final String MICROSOFT_365_SERVER = "outlook.office365.com";

  /** Where users read mail in a browser: webmail, or Microsoft 365's sign-in; may be null. */
  public String webAddress() {
    return microsoft365 ? signInAddress : webmailAddress;
  }
}
