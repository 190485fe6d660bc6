package org.cutover.migration;

import java.util.List;
import org.cutover.mailsync.AccessTokenSupplier;
import org.cutover.mailsync.DuplicateMatching;
import org.cutover.mailsync.EndpointCheck;
import org.cutover.mailsync.EndpointTester;
import org.cutover.mailsync.ImapEndpoint;
import org.cutover.mailsync.ImapLogin;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.mailsync.SecretSupplier;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.SyncOptions;
import org.cutover.mailsync.SyncOutcome;
import org.cutover.mailsync.SyncStateStore;
import org.cutover.mailsync.SyncStatistics;
import org.cutover.mailsync.TargetAccount;
import org.cutover.mailsync.TrustStore;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The mail sync capability: copies a migration's mailboxes from its source endpoint to its target
 * with the {@code mailsync} engine, the credentials read from the secret store only for the length
 * of a login.
 */
@Component
class ImapMailboxSyncEngine
    implements MailboxSyncEngine, org.cutover.migration.wayback.MailboxAccounts {

  private static final Logger log = LoggerFactory.getLogger(ImapMailboxSyncEngine.class);

  private final MigrationStore store;
  private final SecretStore secrets;
  private final MailboxSynchronizer synchronizer;
  private final EndpointTester tester;
  private final SyncStateStore state;
  private final MailSyncProperties properties;
  private final ObjectProvider<TargetImapAccess> microsoft365;
  private final HandGivenTokens handGivenTokens;
  private final ObjectProvider<ImapMailboxPreflight> preflight;
  private final java.util.Map<String, AccessTokenSupplier> tokenSources =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Where large messages are spooled: the configured folder, else cutover-spool in the temporary
   * directory, so that files a killed node left there are found and deleted at its next start.
   */
  private final java.nio.file.Path spoolDirectory;

  /** Spool files older than this at start-up belong to no pass still running. */
  private static final java.time.Duration STALE_SPOOL = java.time.Duration.ofHours(6);

  ImapMailboxSyncEngine(
      MigrationStore store,
      SecretStore secrets,
      MailboxSynchronizer synchronizer,
      EndpointTester tester,
      SyncStateStore state,
      MailSyncProperties properties,
      ObjectProvider<TargetImapAccess> microsoft365,
      ObjectProvider<ImapMailboxPreflight> preflight) {
    this.preflight = preflight;
    this.store = store;
    this.secrets = secrets;
    this.synchronizer = synchronizer;
    this.tester = tester;
    this.state = state;
    this.properties = properties;
    this.microsoft365 = microsoft365;
    this.handGivenTokens = new HandGivenTokens(secrets, java.time.Clock.systemUTC());
    this.spoolDirectory =
        properties.spoolDirectory() != null
            ? properties.spoolDirectory()
            : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "cutover-spool");
    org.cutover.mailsync.SpoolFolder.clean(spoolDirectory, STALE_SPOOL);
  }

  @Override
  public void testSourceEndpoint(String migrationId) {
    StoredEndpoint source = endpoint(migrationId, EndpointRole.SOURCE);
    // A token given by hand that will not outlast the batch stops here, before anyone is told.
    handGivenTokens.requireValidFor(source, properties.handGivenTokenValidity());
    if (store.find(migrationId).map(StoredMigration::targetType).orElse(null) == TargetType.IMAP) {
      store
          .endpoint(migrationId, EndpointRole.TARGET)
          .ifPresent(
              target ->
                  handGivenTokens.requireValidFor(target, properties.handGivenTokenValidity()));
    }
    SourceAccount probe = probe(migrationId, source, store.mailboxes(migrationId));
    EndpointCheck check = tester.test(probe);
    if (check instanceof EndpointCheck.Passed passed) {
      passed.warnings().forEach(w -> log.warn("Migration {}: source endpoint: {}", migrationId, w));
    }
    if (check instanceof EndpointCheck.Failed failed) {
      if (failed.problem().mayPass()) {
        throw new TransientStepFailure(failed.message());
      }
      if (failed.problem() == org.cutover.mailsync.EndpointProblem.BAD_CREDENTIALS) {
        throw org.cutover.migration.logins.LoginRefused.by(EndpointRole.SOURCE, failed.message());
      }
      throw new StepNeedsAdministrator(failed.message());
    }
    log.info("Migration {}: source endpoint {} tested", migrationId, source.host());
  }

  /**
   * The account the endpoint test opens, signed in as the sync will: the test mailbox (else the
   * batch's first) with the endpoint's login, or as a user of the batch with the user's own
   * password where the list gave one.
   */
  private SourceAccount probe(
      String migrationId, StoredEndpoint source, List<MailboxState> mailboxes) {
    String wanted = source.testMailbox();
    MailboxState own =
        mailboxes.stream()
            .filter(mailbox -> mailbox.sourcePassword() != null)
            .filter(mailbox -> wanted == null || mailbox.emailAddress().equalsIgnoreCase(wanted))
            .findFirst()
            .orElse(null);
    if (own != null
        && (wanted != null || source.adminUser() == null || source.auth() == ImapAuth.PLAIN)) {
      return new SourceAccount(
          imapEndpoint(source),
          login(source, own.sourceUser(), own.sourcePassword()),
          own.sourceUser());
    }
    if (source.adminUser() == null) {
      throw new StepNeedsAdministrator(
          "Migration "
              + migrationId
              + ": the source signs in as each user with the user's own password, and "
              + (wanted != null
                  ? "the test mailbox " + wanted + " is not in the batch with one"
                  : "no mailbox of the batch has one")
              + "; give the users' source passwords with the mailbox list");
    }
    // Without a test mailbox the batch's first is opened as its pass signs in: by its source
    // login, which may differ from its address.
    String testMailbox =
        wanted != null
            ? wanted
            : mailboxes.stream()
                .findFirst()
                .map(MailboxState::sourceUser)
                .orElseThrow(
                    () ->
                        new StepNeedsAdministrator(
                            "Migration " + migrationId + " has no mailbox to test with"));
    String testUser = source.mailboxNameOf(testMailbox);
    return new SourceAccount(imapEndpoint(source), login(source, testUser, null), testUser);
  }

  @Override
  public PreflightRound checkMailboxes(String migrationId, boolean fromStart) {
    ImapMailboxPreflight checks =
        preflight.getIfAvailable(
            () -> {
              throw new StepNeedsAdministrator(
                  "Cutover cannot check mailboxes on this node: it has no database of migrations");
            });
    return checks.check(
        migrationId,
        new ImapMailboxPreflight.Accounts() {
          @Override
          public SourceAccount source(MailboxState mailbox) {
            return sourceAccount(mailbox);
          }

          @Override
          public TargetAccount target(StoredMigration migration, MailboxState mailbox) {
            return targetAccount(migration, mailbox);
          }
        },
        fromStart,
        properties.preflightStepTime());
  }

  @Override
  public MailboxSyncReport sync(String mailboxId, SyncMode mode, PassWatch watch) {
    MailboxState mailbox =
        store
            .mailbox(mailboxId)
            .orElseThrow(() -> new StepNeedsAdministrator("Mailbox " + mailboxId + " is unknown"));
    StoredMigration migration =
        store
            .find(mailbox.migrationId())
            .orElseThrow(() -> new MigrationNotFound(mailbox.migrationId()));
    SourceAccount sourceAccount = sourceAccount(mailbox);
    TargetAccount targetAccount = targetAccount(migration, mailbox);
    SyncOptions options = options(migration.targetType());
    SyncOutcome outcome =
        synchronizer.sync(
            mailboxId,
            sourceAccount,
            targetAccount,
            options,
            state,
            watch::progress,
            watch::stopReason);
    String stopped = watch.stopReason();
    if (stopped != null && !(outcome instanceof SyncOutcome.Synced)) {
      throw new PassStopped("The sync of mailbox " + mailboxId + " stopped: " + stopped);
    }
    if (outcome instanceof SyncOutcome.Synced synced) {
      return report(synced.statistics(), null, synced.skippedItems(), synced.tallies());
    }
    if (outcome instanceof SyncOutcome.Failed failed) {
      return report(failed.statistics(), failed.problem(), failed.skippedItems(), failed.tallies());
    }
    if (outcome instanceof SyncOutcome.NeedsAdministrator needs) {
      EndpointRole refused = endpointCredentialRefused(needs.refusedLogin(), mailbox);
      if (refused != null) {
        throw org.cutover.migration.logins.LoginRefused.by(refused, needs.problem());
      }
      throw new StepNeedsAdministrator(needs.problem());
    }
    throw new TransientStepFailure(((SyncOutcome.Unavailable) outcome).problem());
  }

  /**
   * The endpoint whose own credential a server refused (the admin's password, the client secret),
   * or null: a user's own password refused is that mailbox's alone, which a new endpoint credential
   * would not fix.
   */
  private static EndpointRole endpointCredentialRefused(String side, MailboxState mailbox) {
    if ("source".equals(side) && mailbox.sourcePassword() == null) {
      return EndpointRole.SOURCE;
    }
    if ("target".equals(side) && mailbox.targetPassword() == null) {
      return EndpointRole.TARGET;
    }
    return null;
  }

  @Override
  public SourceAccount source(String mailboxId) {
    return sourceAccount(knownMailbox(mailboxId));
  }

  @Override
  public TargetAccount target(String mailboxId) {
    MailboxState mailbox = knownMailbox(mailboxId);
    return targetAccount(
        store
            .find(mailbox.migrationId())
            .orElseThrow(() -> new MigrationNotFound(mailbox.migrationId())),
        mailbox);
  }

  @Override
  public SyncOptions options(String mailboxId) {
    MailboxState mailbox = knownMailbox(mailboxId);
    return options(
        store
            .find(mailbox.migrationId())
            .orElseThrow(() -> new MigrationNotFound(mailbox.migrationId()))
            .targetType());
  }

  private MailboxState knownMailbox(String mailboxId) {
    return store
        .mailbox(mailboxId)
        .orElseThrow(() -> new StepNeedsAdministrator("Mailbox " + mailboxId + " is unknown"));
  }

  /** The source login of one mailbox, as a pass signs in. */
  SourceAccount sourceAccount(MailboxState mailbox) {
    StoredEndpoint source = endpoint(mailbox.migrationId(), EndpointRole.SOURCE);
    // An expired token given by hand fails every mailbox alike: stop with one message instead.
    handGivenTokens.requireValidFor(source, java.time.Duration.ZERO);
    String sourceUser =
        mailbox.sourcePassword() != null
            ? mailbox.sourceUser()
            : source.mailboxNameOf(mailbox.sourceUser());
    // The account names the user whose mailbox this is: the engine refuses a login that would
    // open another one (the admin's own mailbox, with PLAIN) before anything is copied.
    return new SourceAccount(
        imapEndpoint(source), login(source, sourceUser, mailbox.sourcePassword()), sourceUser);
  }

  /** The target login of one mailbox, as a pass signs in. */
  TargetAccount targetAccount(StoredMigration migration, MailboxState mailbox) {
    if (migration.targetType() == TargetType.IMAP) {
      StoredEndpoint target = endpoint(mailbox.migrationId(), EndpointRole.TARGET);
      handGivenTokens.requireValidFor(target, java.time.Duration.ZERO);
      String targetUser =
          mailbox.targetPassword() != null
              ? mailbox.targetUser()
              : target.mailboxNameOf(mailbox.targetUser());
      return new TargetAccount(
          imapEndpoint(target), login(target, targetUser, mailbox.targetPassword()), targetUser);
    }
    TargetImapAccess access =
        microsoft365.getIfAvailable(
            () -> {
              throw new StepNeedsAdministrator(
                  "Cutover cannot sign in to Exchange Online's IMAP server: the Microsoft 365"
                      + " target capability is not configured on this node");
            });
    AccessTokenSupplier tokens = access.tokens(mailbox.migrationId());
    return new TargetAccount(
        withTrustStore(ImapEndpoint.implicitTls(TargetImapAccess.HOST, 993)),
        ImapLogin.oauth2(mailbox.emailAddress(), tokens),
        mailbox.emailAddress());
  }

  private SyncOptions options(TargetType targetType) {
    SyncOptions defaults = SyncOptions.defaults();
    return defaults.toBuilder()
        .excludedFolders(properties.excludedFolders())
        .maxMessageBytes(properties.maxMessageSize().toBytes())
        .badItemLimit(properties.badItemLimit())
        .deletedOnSource(properties.deletedOnSource())
        // Exchange Online rewrites what it is given: recognise copies by Message-ID and date there.
        .duplicateMatching(
            targetType == TargetType.MICROSOFT_365
                ? DuplicateMatching.MESSAGE_ID_AND_DATE
                : DuplicateMatching.EXACT)
        .parallelFolders(properties.parallelFolders())
        .largeMessages(defaults.largeMessageBytes(), spoolDirectory)
        .build();
  }

  private StoredEndpoint endpoint(String migrationId, EndpointRole role) {
    StoredEndpoint endpoint =
        store
            .endpoint(migrationId, role)
            .orElseThrow(
                () ->
                    new StepNeedsAdministrator(
                        "Migration "
                            + migrationId
                            + " has no "
                            + role.name().toLowerCase()
                            + " endpoint"));
    // An endpoint where each user signs in with the user's own password may have no credential.
    boolean removed = "REMOVED".equals(endpoint.status());
    if (removed || (endpoint.credential() == null && endpoint.adminUser() != null)) {
      throw new StepNeedsAdministrator(
          "The "
              + role.name().toLowerCase()
              + " endpoint of migration "
              + migrationId
              + " has no credential any more: its batch was deleted");
    }
    return endpoint;
  }

  private ImapEndpoint imapEndpoint(StoredEndpoint stored) {
    ImapEndpoint endpoint =
        new ImapEndpoint(
            stored.host(),
            stored.port(),
            org.cutover.mailsync.ConnectionSecurity.valueOf(stored.security().name()),
            stored.allowPlaintext(),
            null,
            stored.maxConcurrentMailboxes(),
            null,
            null,
            null,
            stored.allowLegacyTls());
    return withTrustStore(endpoint);
  }

  private ImapEndpoint withTrustStore(ImapEndpoint endpoint) {
    return properties.trustStore() == null
        ? endpoint
        : endpoint.toBuilder()
            .trustStore(new TrustStore(properties.trustStore(), "PEM", null))
            .build();
  }

  /**
   * How one mailbox signs in: as its user with the user's own password when the list gave one (the
   * {@code sync} command's {@code password} method), else with the endpoint's login.
   */
  private ImapLogin login(StoredEndpoint endpoint, String mailboxUser, SecretRef ownPassword) {
    if (ownPassword != null) {
      return ImapLogin.password(mailboxUser, () -> secrets.get(ownPassword));
    }
    if (endpoint.adminUser() == null) {
      throw new StepNeedsAdministrator(
          "The "
              + endpoint.role().name().toLowerCase(java.util.Locale.ROOT)
              + " of migration "
              + endpoint.migrationId()
              + " signs in as each user with the user's own password, and "
              + mailboxUser
              + " has none stored (the batch was deleted, or none was given)");
    }
    SecretSupplier password = () -> secrets.get(endpoint.credential());
    return switch (endpoint.auth()) {
      case DELEGATED_ADMIN -> ImapLogin.delegated(mailboxUser, endpoint.adminUser(), password);
      case ADMIN_LOGIN_STRING ->
          ImapLogin.adminLoginString(mailboxUser, endpoint.adminUser(), password);
      case PLAIN -> ImapLogin.password(endpoint.adminUser(), password);
      case XOAUTH2 ->
          ImapLogin.oauth2(
              mailboxUser,
              endpoint.tokenSource() != null
                  ? renewedTokens(endpoint)
                  : user -> new String(secrets.get(endpoint.credential())));
    };
  }

  /**
   * The endpoint's token source, one per endpoint and client secret, so that every pass on this
   * node uses the token it holds until a quarter of its life is left.
   */
  private AccessTokenSupplier renewedTokens(StoredEndpoint endpoint) {
    org.cutover.migration.ImapEndpoint.TokenSource source = endpoint.tokenSource();
    String key =
        String.join(
            "\n",
            endpoint.migrationId(),
            endpoint.role().name(),
            endpoint.credential().id(),
            source.tokenUrl(),
            source.clientId(),
            String.valueOf(source.scope()));
    return tokenSources.computeIfAbsent(
        key,
        k ->
            new org.cutover.mailsync.oauth.ClientCredentialsTokens(
                java.net.URI.create(source.tokenUrl()),
                source.clientId(),
                () -> secrets.get(endpoint.credential()),
                source.scope(),
                java.time.Clock.systemUTC()));
  }

  private static MailboxSyncReport report(
      SyncStatistics statistics,
      String error,
      List<org.cutover.mailsync.SkippedItem> skippedItems,
      List<org.cutover.mailsync.FolderTally> tallies) {
    return new MailboxSyncReport(
        statistics.messagesCopied(),
        statistics.flagsUpdated(),
        statistics.messagesSkipped() + statistics.messagesRejected(),
        statistics.bytesCopied(),
        error,
        statistics.messagesAltered(),
        skippedItems,
        tallies);
  }
}
