package org.cutover.migration.provisioning;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.TargetType;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.recipients.RecipientStore;
import org.cutover.migration.recipients.StoredRecipient;
import org.cutover.tenant.Microsoft365App;
import org.cutover.tenant.Microsoft365Target;
import org.cutover.tenant.TargetNeedsAdministrator;
import org.cutover.tenant.TargetUnavailable;
import org.cutover.tenant.TenantRecipient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Checks the migration's recipients at its target and keeps the result. For Microsoft 365 the
 * batch's mailboxes are first made through Graph (user, licence, mailbox: what Graph can write),
 * then every recipient is read back through Graph and compared; what is missing becomes the
 * Exchange Online script. For an IMAP host the addresses to create are listed.
 */
@Service
class StoredTargetProvisioning implements TargetProvisioning {

  private static final Logger log = LoggerFactory.getLogger(StoredTargetProvisioning.class);

  private final MigrationStore migrations;
  private final RecipientStore recipients;
  private final ProvisioningStore store;
  private final ObjectProvider<TargetTenant> target;
  private final ObjectProvider<Microsoft365Target> microsoft365;
  private final Clock clock;

  StoredTargetProvisioning(
      MigrationStore migrations,
      RecipientStore recipients,
      ProvisioningStore store,
      ObjectProvider<TargetTenant> target,
      ObjectProvider<Microsoft365Target> microsoft365,
      ObjectProvider<Clock> clock) {
    this.migrations = migrations;
    this.recipients = recipients;
    this.store = store;
    this.target = target;
    this.microsoft365 = microsoft365;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public ProvisioningReport check(String migrationId, boolean administratorConfirmed) {
    StoredMigration migration =
        migrations.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    String domain = migration.summary().domain();
    List<StoredRecipient> all =
        recipients.ofMigration(migrationId).stream().filter(TargetGaps::provisioned).toList();
    Instant now = clock.instant();
    List<RecipientProvisioning> statuses = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    String script;
    boolean waits;
    if (migration.targetType() == TargetType.MICROSOFT_365) {
      makeMailboxes(migrationId);
      Microsoft365Target tenant = microsoft365.getObject();
      Microsoft365App app = app(migration);
      List<RecipientGap> gaps = new ArrayList<>();
      for (StoredRecipient recipient : all) {
        RecipientGap gap = TargetGaps.of(recipient, domain, read(tenant, app, recipient));
        gaps.add(gap);
        statuses.add(
            new RecipientProvisioning(
                recipient.id(),
                gap.isEmpty() ? ProvisioningStatus.PROVISIONED : ProvisioningStatus.MISSING,
                String.join("\n", gap.items()),
                now));
        if (!gap.isEmpty()) {
          missing.add(gap.line());
        }
      }
      script = ExchangeOnlineScript.render(migrationId, domain, gaps);
      waits = !missing.isEmpty();
    } else {
      for (StoredRecipient recipient : all) {
        List<String> toCreate = ImapAddressList.toCreate(recipient, domain);
        statuses.add(
            new RecipientProvisioning(
                recipient.id(), ProvisioningStatus.LISTED, String.join("\n", toCreate), now));
        if (!toCreate.isEmpty()) {
          missing.add(
              recipient.primaryAddress()
                  + " ("
                  + RecipientNames.kind(recipient.kind())
                  + "): "
                  + String.join(", ", toCreate));
        }
      }
      script = ImapAddressList.render(migrationId, domain, all);
      waits = !missing.isEmpty() && !administratorConfirmed;
    }
    store.save(migrationId, statuses, script);
    log.info(
        "Migration {}: {} of {} recipients lack something at the target",
        migrationId,
        missing.size(),
        all.size());
    return new ProvisioningReport(missing, script, waits);
  }

  @Override
  public Optional<String> script(String migrationId) {
    if (!migrations.exists(migrationId)) {
      throw MigrationNotFound.migration(migrationId);
    }
    return store.script(migrationId);
  }

  @Override
  public Map<String, RecipientProvisioning> statuses(String migrationId) {
    return store.statuses(migrationId);
  }

  /** What Graph can write: each mailbox of the batch as a licensed user with its mailbox. */
  private void makeMailboxes(String migrationId) {
    TargetTenant tenant = target.getObject();
    for (MailboxState mailbox : migrations.mailboxes(migrationId)) {
      if (mailbox.status() != MailboxStatus.REMOVED) {
        tenant.provisionMailbox(mailbox.id());
      }
    }
  }

  private static TenantRecipient read(
      Microsoft365Target tenant, Microsoft365App app, StoredRecipient recipient) {
    String address = TargetGaps.lookupAddress(recipient);
    return translated(
        () ->
            switch (recipient.kind()) {
              case DISTRIBUTION_GROUP, SECURITY_GROUP -> tenant.group(app, address);
              case MAIL_CONTACT -> tenant.contact(app, address);
              default -> tenant.mailbox(app, address);
            });
  }

  private static Microsoft365App app(StoredMigration migration) {
    if (migration.clientSecret() == null) {
      throw new StepNeedsAdministrator(
          "Migration "
              + migration.id()
              + " has no client secret for its Microsoft 365 app registration (the batch was"
              + " deleted, or none was given)");
    }
    return new Microsoft365App(
        migration.tenantId(), migration.clientId(), migration.clientSecret());
  }

  private static <T> T translated(Supplier<T> call) {
    try {
      return call.get();
    } catch (TargetUnavailable unavailable) {
      throw new TransientStepFailure(unavailable.getMessage());
    } catch (TargetNeedsAdministrator needed) {
      throw new StepNeedsAdministrator(needed.getMessage());
    }
  }
}
