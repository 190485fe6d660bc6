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
  private final TenantRecipients recipients;
  private final String imapScope;

  Microsoft365Target(
      TenantPreflight preflight,
      TenantDomain domains,
      TenantLicences licences,
      TenantUsers users,
      EntraTokens tokens,
      TenantRecipients recipients,
      String imapScope) {
    this.preflight = preflight;
    this.domains = domains;
    this.licences = licences;
    this.users = users;
    this.tokens = tokens;
    this.recipients = recipients;
    this.imapScope = imapScope;
  }

  /**
   * Checks the tenant before anything changes; reports every problem found at once.
   *
   * @param licence the licence each user gets when it is created, by part number (EXCHANGESTANDARD)
   *     or skuId
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
   * Makes sure the user exists (created with an initial password when absent, or the one found
   * reused), holds the migration's licence and has its Exchange Online mailbox: the mailbox follows
   * the licence, and the first sync needs it. The task "Assign licences" can later add another
   * licence ({@link #assignLicence}).
   *
   * @param licence the migration's licence (part number or skuId)
   * @throws TargetNeedsAdministrator when no licence is named, or it cannot be given
   * @throws TargetUnavailable while the mailbox is still being made
   */
  public void provisionMailbox(
      Microsoft365App app, MailboxToProvision mailbox, String licence, String usageLocation) {
    if (licence == null) {
      throw TenantLicences.notNamed(app);
    }
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

  /** The licences the tenant can give users now, with their free seats; mailbox licences first. */
  public List<LicenceOffer> licenceOffers(Microsoft365App app) {
    return licences.offers(app);
  }

  /**
   * Gives one user the licence (and the usage location it needs first). A refusal comes back as
   * {@link LicenceOutcome.Failed} with Microsoft's reason; only an unreachable or throttled Graph
   * ends the call.
   *
   * @param skuId the licence's skuId, from {@link #licenceOffers}
   * @param licence the licence's name for messages (part number)
   * @throws TargetUnavailable when Graph cannot be reached or stays throttled
   */
  public LicenceOutcome assignLicence(
      Microsoft365App app, String address, String skuId, String licence, String usageLocation) {
    try {
      return users
          .find(app, address)
          .map(user -> users.assign(app, user, skuId, licence, usageLocation))
          .orElseGet(
              () ->
                  new LicenceOutcome.Failed(
                      address,
                      "Tenant "
                          + app.tenantId()
                          + " has no user "
                          + address
                          + ": the runbook's provisioning creates it; check that the mailbox"
                          + " was provisioned, then retry"));
    } catch (TargetNeedsAdministrator refused) {
      return new LicenceOutcome.Failed(address, refused.getMessage());
    }
  }

  /**
   * The addresses among {@code addresses} whose user holds no licence with a mailbox (or does not
   * exist yet), each read from the tenant ({@code GET /users/{upn}?$select=...assignedLicenses}).
   */
  public List<String> withoutLicence(Microsoft365App app, List<String> addresses) {
    java.util.Set<String> mailboxSkus = new java.util.HashSet<>();
    for (SubscribedSku sku : licences.subscribed(app)) {
      if (sku.hasExchange()) {
        mailboxSkus.add(sku.skuId());
      }
    }
    List<String> missing = new java.util.ArrayList<>();
    for (String address : addresses) {
      boolean licensed =
          users
              .read(app, address)
              .map(user -> mailboxSkus.stream().anyMatch(user::holds))
              .orElse(false);
      if (!licensed) {
        missing.add(address);
      }
    }
    log.info(
        "Tenant {}: {} of {} users hold no licence with a mailbox",
        app.tenantId(),
        missing.size(),
        addresses.size());
    return missing;
  }

  /**
   * A token for XOAUTH2 at Exchange Online's IMAP.
   *
   * @param renew true after the server refused the previous token
   */
  public String imapAccessToken(Microsoft365App app, boolean renew) {
    return tokens.token(app, imapScope, renew);
  }

  /** The mailbox or mail user whose user principal name is the address, as Graph reads it. */
  public TenantRecipient mailbox(Microsoft365App app, String address) {
    return recipients.mailbox(app, address);
  }

  /** The mail-enabled group with the address, and its members' addresses. */
  public TenantRecipient group(Microsoft365App app, String address) {
    return recipients.group(app, address);
  }

  /** The organisational (mail) contact with the address. */
  public TenantRecipient contact(Microsoft365App app, String address) {
    return recipients.contact(app, address);
  }
}
