package org.cutover.migration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cutover.mailsync.AccessTokenSupplier;
import org.cutover.secrets.SecretStore;
import org.cutover.tenant.DomainNotYetVerified;
import org.cutover.tenant.DomainRecords;
import org.cutover.tenant.ImapTarget;
import org.cutover.tenant.ImapTargetServer;
import org.cutover.tenant.LicenceOffer;
import org.cutover.tenant.LicenceOutcome;
import org.cutover.tenant.MailboxToProvision;
import org.cutover.tenant.Microsoft365App;
import org.cutover.tenant.Microsoft365Target;
import org.cutover.tenant.TargetLoginRefused;
import org.cutover.tenant.TargetNeedsAdministrator;
import org.cutover.tenant.TargetUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The target of each migration, by its type: a Microsoft 365 tenant or a plain IMAP host. Reads the
 * migration's settings from the store, calls the tenant package, and turns its failures into the
 * runbook's ({@link TransientStepFailure}, {@link StepNeedsAdministrator}). Gives the batch's users
 * their licence ({@link TargetLicences}) and records each outcome. Also hands out the target's IMAP
 * access tokens for XOAUTH2, to the mail sync engine through {@link TargetImapAccess}.
 */
@Component
class TenantTargetAdapter implements TargetTenant, TargetLicences, TargetImapAccess {

  private static final Logger log = LoggerFactory.getLogger(TenantTargetAdapter.class);

  private final MigrationStore store;
  private final Microsoft365Target microsoft365;
  private final ImapTarget imap;
  private final SecretStore secrets;
  private final LicenceRecords licences;
  private final Clock clock;

  TenantTargetAdapter(
      MigrationStore store,
      Microsoft365Target microsoft365,
      ImapTarget imap,
      SecretStore secrets,
      LicenceRecords licences,
      ObjectProvider<Clock> clock) {
    this.store = store;
    this.microsoft365 = microsoft365;
    this.imap = imap;
    this.secrets = secrets;
    this.licences = licences;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  @Override
  public void preflight(String migrationId) {
    StoredMigration migration = migration(migrationId);
    List<MailboxState> mailboxes = store.mailboxes(migrationId);
    List<String> addresses = mailboxes.stream().map(MailboxState::emailAddress).toList();
    translated(
        () -> {
          if (migration.targetType() == TargetType.MICROSOFT_365) {
            microsoft365.preflight(
                app(migration), migration.summary().domain(), migration.licenceSku(), addresses);
          } else {
            StoredEndpoint endpoint = targetEndpoint(migrationId);
            String probe =
                endpoint.testMailbox() != null
                    ? endpoint.testMailbox()
                    : addresses.isEmpty() ? endpoint.adminUser() : addresses.get(0);
            // Where each user signs in with the user's own password, a user of the batch is the
            // probe, as the sync will sign in.
            ImapTargetServer.UserLogin own =
                endpoint.auth() == ImapAuth.PLAIN
                    ? mailboxes.stream()
                        .map(TenantTargetAdapter::ownTargetLogin)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null)
                    : null;
            if (own == null) {
              imap.preflight(server(endpoint), probe);
            } else {
              imap.preflight(server(endpoint), probe, own);
            }
          }
          return null;
        });
  }

  @Override
  public void provisionMailbox(String mailboxId) {
    MailboxState mailbox =
        store.mailbox(mailboxId).orElseThrow(() -> MigrationNotFound.mailbox(mailboxId));
    StoredMigration migration = migration(mailbox.migrationId());
    translated(
        () -> {
          if (migration.targetType() == TargetType.MICROSOFT_365) {
            microsoft365.provisionMailbox(
                app(migration),
                new MailboxToProvision(
                    migration.id(), mailboxId, mailbox.emailAddress(), mailbox.displayName()),
                migration.licenceSku(),
                migration.usageLocation());
          } else {
            ImapTargetServer server = server(targetEndpoint(migration.id()));
            ImapTargetServer.UserLogin own = ownTargetLogin(mailbox);
            if (own == null) {
              imap.provisionMailbox(server, mailbox.emailAddress());
            } else {
              imap.provisionMailbox(server, mailbox.emailAddress(), own);
            }
          }
          return null;
        });
  }

  @Override
  public LicenceChoice licenceChoice(String migrationId) {
    StoredMigration migration = migration(migrationId);
    if (migration.targetType() != TargetType.MICROSOFT_365) {
      return new LicenceChoice.NotOffered(
          "An IMAP host has no licences: check on the target that every mailbox of the batch is"
              + " active and has the space it needs.");
    }
    List<LicenceOffer> offers = translated(() -> microsoft365.licenceOffers(app(migration)));
    String wanted = migration.licenceSku();
    String migrationLicence =
        wanted == null
            ? null
            : offers.stream()
                .filter(
                    offer ->
                        offer.partNumber().equalsIgnoreCase(wanted)
                            || offer.skuId().equalsIgnoreCase(wanted))
                .map(LicenceOffer::skuId)
                .findFirst()
                .orElse(null);
    return new LicenceChoice.Offered(
        offers.stream()
            .map(
                offer ->
                    new LicenceOption(
                        offer.skuId(),
                        offer.partNumber(),
                        offer.name(),
                        offer.enabled(),
                        offer.free(),
                        offer.givesMailbox()))
            .toList(),
        migrationLicence);
  }

  @Override
  public LicenceReport assignLicence(String migrationId, String skuId) {
    StoredMigration migration = migration(migrationId);
    if (migration.targetType() != TargetType.MICROSOFT_365) {
      throw new StepNeedsAdministrator(
          "Migration " + migrationId + " moves to an IMAP host, which has no licences to assign");
    }
    Microsoft365App app = app(migration);
    LicenceOffer offer =
        translated(() -> microsoft365.licenceOffers(app)).stream()
            .filter(candidate -> candidate.skuId().equalsIgnoreCase(skuId))
            .findFirst()
            .orElseThrow(
                () ->
                    new StepNeedsAdministrator(
                        "Tenant "
                            + migration.tenantId()
                            + " offers no licence with skuId "
                            + skuId
                            + " for users any more: choose another in the task"));
    int assigned = 0;
    int held = 0;
    List<UserLicence> failed = new ArrayList<>();
    for (MailboxState mailbox : store.mailboxes(migrationId)) {
      LicenceOutcome outcome =
          translated(
              () ->
                  microsoft365.assignLicence(
                      app,
                      mailbox.emailAddress(),
                      offer.skuId(),
                      offer.partNumber(),
                      migration.usageLocation()));
      UserLicence recorded =
          licences.record(
              migrationId,
              new UserLicence(
                  mailbox.emailAddress(),
                  offer.skuId(),
                  offer.partNumber(),
                  outcome instanceof LicenceOutcome.Assigned
                      ? UserLicence.Outcome.ASSIGNED
                      : outcome instanceof LicenceOutcome.AlreadyHeld
                          ? UserLicence.Outcome.ALREADY_HELD
                          : UserLicence.Outcome.FAILED,
                  outcome instanceof LicenceOutcome.Failed f ? f.reason() : null,
                  clock.instant()));
      switch (recorded.outcome()) {
        case ASSIGNED -> assigned++;
        case ALREADY_HELD -> held++;
        case FAILED -> failed.add(recorded);
      }
    }
    log.info(
        "Migration {}: licence {} assigned to {} users, {} held it, {} failed",
        migrationId,
        offer.partNumber(),
        assigned,
        held,
        failed.size());
    return new LicenceReport(offer.partNumber(), assigned, held, failed);
  }

  @Override
  public List<UserLicence> licences(String migrationId) {
    migration(migrationId);
    return licences.licences(migrationId);
  }

  @Override
  public Optional<List<String>> checkWithoutLicence(String migrationId) {
    StoredMigration migration = migration(migrationId);
    if (migration.targetType() != TargetType.MICROSOFT_365) {
      return Optional.empty();
    }
    List<MailboxState> mailboxes = store.mailboxes(migrationId);
    List<String> addresses = mailboxes.stream().map(MailboxState::emailAddress).toList();
    List<String> missing = translated(() -> microsoft365.withoutLicence(app(migration), addresses));
    licences.recordCheck(migrationId, missing, clock.instant());
    return Optional.of(missing);
  }

  @Override
  public TargetDnsRecords dnsRecords(String migrationId) {
    StoredMigration migration = migration(migrationId);
    if (migration.targetType() == TargetType.MICROSOFT_365) {
      DomainRecords records =
          translated(
              () -> microsoft365.domainRecords(app(migration), migration.summary().domain()));
      return new TargetDnsRecords(
          records.verificationText(),
          records.mailExchangers().stream()
              .map(mx -> new TargetDnsRecords.MailExchanger(mx.preference(), mx.host()))
              .toList(),
          records.autodiscoverTarget() != null
              ? records.autodiscoverTarget()
              : migration.autodiscoverTarget());
    }
    List<TargetDnsRecords.MailExchanger> exchangers = store.targetMxHosts(migrationId);
    if (exchangers.isEmpty()) {
      throw new StepNeedsAdministrator(
          "Migration "
              + migrationId
              + " names no mail exchangers for its IMAP target; start the migration again with"
              + " the target's mxHosts");
    }
    return new TargetDnsRecords(null, exchangers, migration.autodiscoverTarget());
  }

  @Override
  public AccessTokenSupplier tokens(String migrationId) {
    // The token source (MSAL for Microsoft 365) serves a cached token only while it has minutes
    // left; after a refused login it is asked for a new one.
    return new AccessTokenSupplier() {
      @Override
      public String accessToken(String user) {
        return token(migrationId, false);
      }

      @Override
      public String renewedAccessToken(String user) {
        return token(migrationId, true);
      }
    };
  }

  private String token(String migrationId, boolean renew) {
    StoredMigration migration = migration(migrationId);
    if (migration.targetType() == TargetType.MICROSOFT_365) {
      return translated(() -> microsoft365.imapAccessToken(app(migration), renew));
    }
    StoredEndpoint endpoint = targetEndpoint(migrationId);
    if (endpoint.auth() != ImapAuth.XOAUTH2 || endpoint.credential() == null) {
      throw new StepNeedsAdministrator(
          "The IMAP target of migration "
              + migrationId
              + " does not sign in with XOAUTH2, so it has no access token");
    }
    return secrets.getString(endpoint.credential());
  }

  private StoredMigration migration(String migrationId) {
    return store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
  }

  private StoredEndpoint targetEndpoint(String migrationId) {
    return store
        .endpoint(migrationId, EndpointRole.TARGET)
        .orElseThrow(
            () ->
                new StepNeedsAdministrator(
                    "Migration " + migrationId + " has no IMAP target endpoint stored"));
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

  /** The user's own login at the IMAP target, when the list gave the user's password. */
  private static ImapTargetServer.UserLogin ownTargetLogin(MailboxState mailbox) {
    return mailbox.targetPassword() == null
        ? null
        : new ImapTargetServer.UserLogin(mailbox.targetUser(), mailbox.targetPassword());
  }

  private static ImapTargetServer server(StoredEndpoint endpoint) {
    return new ImapTargetServer(
        endpoint.host(),
        endpoint.port(),
        ImapTargetServer.Security.valueOf(endpoint.security().name()),
        endpoint.allowPlaintext(),
        ImapTargetServer.SignIn.valueOf(endpoint.auth().name()),
        endpoint.adminUser(),
        endpoint.credential(),
        endpoint.mailboxName() == MailboxName.ALIAS,
        endpoint.allowLegacyTls());
  }

  /** Runs a call into the tenant package, its failures turned into the runbook's. */
  private static <T> T translated(Supplier<T> call) {
    try {
      return call.get();
    } catch (DomainNotYetVerified notYet) {
      throw new DomainNotVerifiedYet(notYet.verificationText(), notYet.getMessage());
    } catch (TargetUnavailable unavailable) {
      throw new TransientStepFailure(unavailable.getMessage());
    } catch (TargetLoginRefused refused) {
      throw org.cutover.migration.logins.LoginRefused.by(EndpointRole.TARGET, refused.getMessage());
    } catch (TargetNeedsAdministrator needed) {
      throw new StepNeedsAdministrator(needed.getMessage());
    }
  }
}
