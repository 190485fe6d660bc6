package org.cutover.migration;

/**
 * What a migration needs beyond this package: each is configured when a bean implements its port,
 * and absent otherwise.
 */
public enum Capability {
  MAIL_SYNC(
      MailboxSyncEngine.class,
      "the mail sync engine",
      "configure the mail sync engine (cutover.mailsync.*)"),
  TARGET(
      TargetTenant.class,
      "the migration target",
      "include the target adapters (package org.cutover.tenant, bean TenantTargetAdapter); each"
          + " migration names its own Microsoft 365 app registration or IMAP host, and"
          + " cutover.tenant.* tunes how they are reached"),
  LETTERS(
      UserLetters.class,
      "sending letters to users",
      "set spring.mail.host (with spring.mail.port, spring.mail.username and"
          + " spring.mail.password as the SMTP server needs), cutover.letters.from and"
          + " cutover.letters.administrator-email"),
  DNS(DnsRunbook.class, "DNS", "configure DNS look-ups and changes (cutover.dns.*)");

  private final Class<?> port;
  private final String title;
  private final String enabledBy;

  Capability(Class<?> port, String title, String enabledBy) {
    this.port = port;
    this.title = title;
    this.enabledBy = enabledBy;
  }

  /** The interface a bean must implement for this capability. */
  public Class<?> port() {
    return port;
  }

  public String title() {
    return title;
  }

  /** The configuration that provides it. */
  public String enabledBy() {
    return enabledBy;
  }

  /** One sentence naming the capability, its port and how to configure it. */
  public String describeMissing() {
    return Character.toUpperCase(title.charAt(0))
        + title.substring(1)
        + " is not available on this node (no "
        + port.getSimpleName()
        + "): "
        + enabledBy
        + ".";
  }
}
