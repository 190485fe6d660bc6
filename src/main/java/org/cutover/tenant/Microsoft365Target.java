package org.cutover.tenant;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Microsoft 365 tenant as a migration target, through Microsoft Graph v1.0 with an app
 * registration: checks before the migration, the domain and its DNS records, users with licence and
 * mailbox, and tokens for IMAP with XOAUTH2. Every call is safe to repeat.
 */
public class Microsoft365Target {

  private static final Logger log = LoggerFactory.getLogger(Microsoft365Target.class);

  private final TenantPreflight preflight;
  private final TenantDomain domains;
  private final TenantLicences licences;
  private final TenantUsers users;
  private final EntraTokens tokens;
  private final String imapScope;

  Microsoft365Target(
      TenantPreflight preflight,
      TenantDomain domains,
      TenantLicences licences,
      TenantUsers users,
      EntraTokens tokens,
      String imapScope) {
    this.preflight = preflight;
    this.domains = domains;
    this.licences = licences;
    this.users = users;
    this.tokens = tokens;
    this.imapScope = imapScope;
  }

  /**
   * Checks the tenant before anything changes; reports every problem found at once.
   *
   * @param licence the licence for the users, by part number (EXCHANGESTANDARD) or skuId
   * @param addresses the SMTP addresses of the batch's mailboxes
   * @throws TargetNeedsAdministrator listing each problem and how to fix it
   */
  public void preflight(
      Microsoft365App app, String domain, String licence, List<String> addresses) {
    preflight.check(app, domain, licence, addresses);
  }

  /**
   * Adds the domain to the tenant when it lacks it, has it verified and Email enabled, and returns
   * the records the tenant names for it (verification TXT, MX, Autodiscover CNAME).
   *
   * @throws DomainNotYetVerified while the tenant cannot verify the domain yet
   */
  public DomainRecords domainRecords(Microsoft365App app, String domain) {
    return domains.records(app, domain);
  }

  /**
   * Makes sure the user exists (created with an initial password when absent), holds the licence
   * and has its Exchange Online mailbox.
   *
   * @throws TargetUnavailable while the mailbox is still being made
   */
  public void provisionMailbox(
      Microsoft365App app, MailboxToProvision mailbox, String licence, String usageLocation) {
    String skuId = licences.skuId(app, licence);
    TenantUser user =
        users
            .find(app, mailbox.address())
            .orElseGet(() -> users.create(app, mailbox, usageLocation));
    users.license(app, user, skuId, licence, usageLocation);
    if (!users.mailboxReady(app, user)) {
      throw new TargetUnavailable(
          "Exchange Online has not made the mailbox of "
              + mailbox.address()
              + " yet (it follows the licence within minutes, sometimes an hour); the step is"
              + " tried again");
    }
    log.info(
        "Migration {}: mailbox {} ready in tenant {}",
        mailbox.migrationId(),
        mailbox.address(),
        app.tenantId());
  }

  /**
   * A token for XOAUTH2 at Exchange Online's IMAP.
   *
   * @param renew true after the server refused the previous token
   */
  public String imapAccessToken(Microsoft365App app, boolean renew) {
    return tokens.token(app, imapScope, renew);
  }
}
