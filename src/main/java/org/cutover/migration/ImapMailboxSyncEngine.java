package org.cutover.migration;

import java.util.Optional;
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
class ImapMailboxSyncEngine implements MailboxSyncEngine {

  private static final Logger log = LoggerFactory.getLogger(ImapMailboxSyncEngine.class);

  private final MigrationStore store;
  private final SecretStore secrets;
  private final MailboxSynchronizer synchronizer;
  private final EndpointTester tester;
  private final SyncStateStore state;
  private final MailSyncProperties properties;
  private final ObjectProvider<TargetImapAccess> microsoft365;
  private final ObjectProvider<ImapMailboxPreflight> preflight;

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
    this.spoolDirectory =
        properties.spoolDirectory() != null
            ? properties.spoolDirectory()
            : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "cutover-spool");
    org.cutover.mailsync.SpoolFolder.clean(spoolDirectory, STALE_SPOOL);
  }

  @Override
  public void testSourceEndpoint(String migrationId) {
    StoredEndpoint source = endpoint(migrationId, EndpointRole.SOURCE);
    String testMailbox =
        Optional.ofNullable(source.testMailbox())
            .orElseGet(
                () ->
                    store.mailboxes(migrationId).stream()
                        .findFirst()
                        .map(MailboxState::emailAddress)
                        .orElseThrow(
                            () ->
                                new StepNeedsAdministrator(
                                    "Migration " + migrationId + " has no mailbox to test with")));
    EndpointCheck check =
        tester.test(
            new SourceAccount(imapEndpoint(source), login(source, testMailbox), testMailbox));
    if (check instanceof EndpointCheck.Failed failed) {
      if (failed.problem().mayPass()) {
        throw new TransientStepFailure(failed.message());
      }
      throw new StepNeedsAdministrator(failed.message());
    }
    log.info("Migration {}: source endpoint {} tested", migrationId, source.host());
  }

  @Override
  public java.util.List<MailboxCheck> checkMailboxes(String migrationId) {
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
        });
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
      return report(synced.statistics(), null);
    }
    if (outcome instanceof SyncOutcome.Failed failed) {
      return report(failed.statistics(), failed.problem());
    }
    if (outcome instanceof SyncOutcome.NeedsAdministrator needs) {
      throw new StepNeedsAdministrator(needs.problem());
    }
    throw new TransientStepFailure(((SyncOutcome.Unavailable) outcome).problem());
  }

  /** The source login of one mailbox, as a pass signs in. */
  SourceAccount sourceAccount(MailboxState mailbox) {
    StoredEndpoint source = endpoint(mailbox.migrationId(), EndpointRole.SOURCE);
    String sourceUser =
        mailbox.sourceLogin() != null ? mailbox.sourceLogin() : mailbox.emailAddress();
    // The account names the user whose mailbox this is: the engine refuses a login that would
    // open another one (the admin's own mailbox, with PLAIN) before anything is copied.
    return new SourceAccount(imapEndpoint(source), login(source, sourceUser), sourceUser);
  }

  /** The target login of one mailbox, as a pass signs in. */
  TargetAccount targetAccount(StoredMigration migration, MailboxState mailbox) {
    if (migration.targetType() == TargetType.IMAP) {
      StoredEndpoint target = endpoint(mailbox.migrationId(), EndpointRole.TARGET);
      return new TargetAccount(
          imapEndpoint(target), login(target, mailbox.emailAddress()), mailbox.emailAddress());
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
    return defaults
        .withExcludedFolders(properties.excludedFolders())
        .withMaxMessageBytes(properties.maxMessageSize().toBytes())
        .withBadItemLimit(properties.badItemLimit())
        .withDeletedOnSource(properties.deletedOnSource())
        // Exchange Online rewrites what it is given: recognise copies by Message-ID and date there.
        .withDuplicateMatching(
            targetType == TargetType.MICROSOFT_365
                ? DuplicateMatching.MESSAGE_ID_AND_DATE
                : DuplicateMatching.EXACT)
        .withParallelFolders(properties.parallelFolders())
        .withLargeMessages(defaults.largeMessageBytes(), spoolDirectory);
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
    if (endpoint.credential() == null) {
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
            null);
    return withTrustStore(endpoint);
  }

  private ImapEndpoint withTrustStore(ImapEndpoint endpoint) {
    return properties.trustStore() == null
        ? endpoint
        : endpoint.withTrustStore(new TrustStore(properties.trustStore(), "PEM", null));
  }

  private ImapLogin login(StoredEndpoint endpoint, String mailboxUser) {
    SecretSupplier password = () -> secrets.get(endpoint.credential());
    return switch (endpoint.auth()) {
      case DELEGATED_ADMIN -> ImapLogin.delegated(mailboxUser, endpoint.adminUser(), password);
      case PLAIN -> ImapLogin.password(endpoint.adminUser(), password);
      case XOAUTH2 ->
          ImapLogin.oauth2(mailboxUser, user -> new String(secrets.get(endpoint.credential())));
    };
  }

  private static MailboxSyncReport report(SyncStatistics statistics, String error) {
    return new MailboxSyncReport(
        statistics.messagesCopied(),
        statistics.flagsUpdated(),
        statistics.messagesSkipped() + statistics.messagesRejected(),
        statistics.bytesCopied(),
        error,
        statistics.messagesAltered());
  }
}
