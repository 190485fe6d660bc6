package org.cutover.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretStore;
import org.cutover.testsupport.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.validation.ValidationAutoConfiguration;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/** Registration, batch lifecycle and sync runner on the real schema (H2, migrated by Flyway). */
@JdbcTest
@ActiveProfiles("test")
@ImportAutoConfiguration(ValidationAutoConfiguration.class)
@Import({
  org.cutover.migration.recipients.RecipientStore.class,
  org.cutover.migration.recipients.BatchRecipients.class,
  org.cutover.migration.letters.ClientSettingsConfiguration.class,
  MigrationStore.class,
  MigrationRegistration.class,
  Capabilities.class,
  SettingsValidation.class,
  BuiltInDnsProviders.class,
  StoredBatchLifecycle.class,
  StoredFinalSweeps.class,
  RecordingMailboxSyncRunner.class,
  MailboxLeases.class,
  EndpointTurns.class,
  PassServers.class,
  EndpointSlots.class,
  EndpointBackOffs.class,
  PassProgressLog.class,
  org.cutover.migration.reports.PassRecords.class,
  MigrationStorageTest.Setup.class
})
class MigrationStorageTest {

  static final Instant START = Instant.parse("2026-03-01T08:00:00Z");

  @TestConfiguration
  @ComponentScan("org.cutover.secrets")
  static class Setup {
    @Bean
    MutableClock clock() {
      return new MutableClock(START);
    }
  }

  // Logins are tried at registration against real servers in LoginCheckAtRegistrationIT.
  @MockitoBean RegistrationLogins registrationLogins;
  @MockitoBean MailboxSyncEngine syncEngine;
  @MockitoBean TargetTenant target;
  @MockitoBean UserLetters letters;
  @MockitoBean DnsRunbook dns;

  @Autowired MigrationRegistration registration;
  @Autowired MigrationStore store;
  @Autowired BatchLifecycle lifecycle;
  @Autowired FinalSweeps sweeps;
  @Autowired MailboxSyncRunner runner;
  @Autowired SecretStore secrets;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;

  @BeforeEach
  void resetClock() {
    clock.set(START);
  }

  @Test
  void storesTheMigrationWithItsMailboxesAndOnlyEncryptedCredentials() {
    String id = registration.register(MigrationSamples.valid()).migrationId();

    StoredMigration stored = store.find(id).orElseThrow();
    assertThat(stored.summary().domain()).isEqualTo("contoso.com");
    assertThat(stored.summary().phase()).isEqualTo(MigrationPhase.PREPARING);
    assertThat(stored.summary().batchStatus()).isEqualTo(BatchStatus.NOT_CREATED);
    assertThat(stored.summary().createdAt()).isEqualTo(START);
    assertThat(stored.targetType()).isEqualTo(TargetType.MICROSOFT_365);
    assertThat(stored.autodiscoverTarget()).isEqualTo("autodiscover.outlook.com");
    assertThat(stored.maxMxTtl()).isEqualTo(3600);
    assertThat(store.mailboxes(id))
        .extracting(MailboxState::emailAddress, MailboxState::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("user0@contoso.com", MailboxStatus.QUEUED),
            org.assertj.core.groups.Tuple.tuple("user1@contoso.com", MailboxStatus.QUEUED),
            org.assertj.core.groups.Tuple.tuple("user2@contoso.com", MailboxStatus.QUEUED));
    StoredEndpoint source = store.endpoint(id, EndpointRole.SOURCE).orElseThrow();
    assertThat(source.port()).isEqualTo(993);
    assertThat(source.maxConcurrentMailboxes()).isEqualTo(20);
    assertThat(secrets.getString(source.credential())).isEqualTo(MigrationSamples.SOURCE_PASSWORD);
    assertThat(secrets.getString(stored.clientSecret())).isEqualTo(MigrationSamples.CLIENT_SECRET);
    assertThat(secrets.getString(stored.dnsCredential())).isEqualTo(MigrationSamples.DNS_KEY);
    String everything =
        String.join(
            "|",
            jdbc.sql("SELECT name || nonce || ciphertext FROM secret").query(String.class).list());
    assertThat(everything)
        .doesNotContain(MigrationSamples.SOURCE_PASSWORD)
        .doesNotContain(MigrationSamples.CLIENT_SECRET)
        .doesNotContain(MigrationSamples.DNS_KEY);
  }

  @Test
  void usesAStoredCredentialByIdWithoutCopyingIt() {
    SecretRef stored = secrets.put("contoso admin", "from-the-store");
    NewMigration sample = MigrationSamples.valid();
    NewMigration settings = withSource(sample, MigrationSamples.source(null, stored.id()));

    String id = registration.register(settings).migrationId();

    assertThat(store.endpoint(id, EndpointRole.SOURCE).orElseThrow().credential())
        .isEqualTo(stored);
    assertThat(secrets.list()).hasSize(3);
  }

  @Test
  void refusesACredentialIdThatNamesNothing() {
    NewMigration settings =
        withSource(
            MigrationSamples.valid(),
            MigrationSamples.source(null, "3f2c0a7e-9b1d-4c55-8e1f-0a4b2c6d8e90"));

    assertThatThrownBy(() -> registration.register(settings))
        .isInstanceOf(RejectedSettings.class)
        .satisfies(
            rejected ->
                assertThat(((RejectedSettings) rejected).problems())
                    .extracting(SettingsProblem::path)
                    .containsExactly("$.source.credentialId"));
    assertThat(store.list()).isEmpty();
    assertThat(secrets.list()).isEmpty();
  }

  @Test
  void refusesASecondMigrationOfADomainUntilTheFirstHasFinished() {
    String first = registration.register(MigrationSamples.valid()).migrationId();

    assertThatThrownBy(() -> registration.register(MigrationSamples.valid()))
        .isInstanceOf(MigrationConflict.class)
        .hasMessageContaining(first);

    lifecycle.recordPhase(first, MigrationPhase.CANCELLED);
    assertThat(registration.register(MigrationSamples.valid()).migrationId()).isNotEqualTo(first);
  }

  @Test
  void warnsAboveOneHundredFiftyMailboxes() {
    NewMigration large = MigrationSamples.withMailboxes(MigrationSamples.mailboxes(151));

    assertThat(registration.register(large).warnings())
        .singleElement()
        .asString()
        .startsWith("151 mailboxes in one batch");
    assertThat(MigrationRegistration.warnings(MigrationSamples.valid())).isEmpty();
  }

  @Test
  void createsTestedEndpointAndBatchOnceEach() {
    String id = registration.register(MigrationSamples.valid()).migrationId();

    lifecycle.createEndpoint(id);
    clock.advance(Duration.ofMinutes(1));
    lifecycle.createEndpoint(id);
    lifecycle.createBatch(id);
    lifecycle.createBatch(id);

    verify(syncEngine, times(2)).testSourceEndpoint(id);
    StoredEndpoint source = store.endpoint(id, EndpointRole.SOURCE).orElseThrow();
    assertThat(source.status()).isEqualTo("READY");
    assertThat(source.testedAt()).isEqualTo(START);
    assertThat(batchStatus(id)).isEqualTo(BatchStatus.CREATED);
  }

  @Test
  void anEndpointThatFailsItsTestStaysNew() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    org.mockito.Mockito.doThrow(new StepNeedsAdministrator("login refused for the admin"))
        .when(syncEngine)
        .testSourceEndpoint(id);

    assertThatThrownBy(() -> lifecycle.createEndpoint(id))
        .isInstanceOf(StepNeedsAdministrator.class);
    assertThat(store.endpoint(id, EndpointRole.SOURCE).orElseThrow().status()).isEqualTo("NEW");
  }

  @Test
  void batchCannotStartBeforeItIsCreated() {
    String id = registration.register(MigrationSamples.valid()).migrationId();

    assertThatThrownBy(() -> lifecycle.startBatch(id))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("NOT_CREATED");
    lifecycle.createBatch(id);
    lifecycle.startBatch(id);
    lifecycle.startBatch(id);
    assertThat(batchStatus(id)).isEqualTo(BatchStatus.SYNCING);
  }

  @Test
  void syncPassRecordsItsStartAsLastSuccessfulSyncAndAddsUpCounts() {
    String id = syncingBatch();
    String mailbox = lifecycle.mailboxIds(id).get(0);
    when(syncEngine.sync(eq(mailbox), any(), any()))
        .thenAnswer(
            call -> {
              assertThat(store.mailbox(mailbox).orElseThrow().status())
                  .isEqualTo(
                      call.getArgument(1) == SyncMode.INITIAL
                          ? MailboxStatus.SYNCING
                          : MailboxStatus.INCREMENTAL_SYNCING);
              clock.advance(Duration.ofMinutes(30));
              return new MailboxSyncReport(10, 2, 1, 4096, null);
            });

    runner.run(mailbox, SyncMode.INITIAL, HeldTaskLock.HELD);
    Instant secondStart = clock.instant();
    runner.run(mailbox, SyncMode.INCREMENTAL, HeldTaskLock.HELD);

    MailboxState state = store.mailbox(mailbox).orElseThrow();
    // Each pass left a message out: the mailbox is synced, with errors.
    assertThat(state.status()).isEqualTo(MailboxStatus.SYNCED_WITH_ERRORS);
    assertThat(state.lastSuccessfulSync()).isEqualTo(secondStart);
    assertThat(state.messagesCopied()).isEqualTo(20);
    assertThat(state.flagsUpdated()).isEqualTo(4);
    assertThat(state.messagesSkipped()).isEqualTo(2);
    assertThat(state.bytesCopied()).isEqualTo(8192);
    assertThat(state.lastError()).isNull();
  }

  @Test
  void initialSyncEndsWithErrorsWhenAMailboxFailed() {
    String id = syncingBatch();
    List<String> mailboxes = lifecycle.mailboxIds(id);
    when(syncEngine.sync(any(), any(), any())).thenReturn(new MailboxSyncReport(5, 0, 0, 10, null));
    when(syncEngine.sync(eq(mailboxes.get(1)), any(), any()))
        .thenReturn(new MailboxSyncReport(1, 0, 0, 10, "folder Archive could not be read"));

    mailboxes.forEach(mailbox -> runner.run(mailbox, SyncMode.INITIAL, HeldTaskLock.HELD));

    assertThat(store.mailbox(mailboxes.get(1)).orElseThrow())
        .extracting(MailboxState::status, MailboxState::lastError, MailboxState::lastSuccessfulSync)
        .containsExactly(MailboxStatus.FAILED, "folder Archive could not be read", null);
    assertThat(lifecycle.finishInitialSync(id)).isEqualTo(BatchStatus.SYNCED_WITH_ERRORS);
    assertThat(lifecycle.finishInitialSync(id)).isEqualTo(BatchStatus.SYNCED_WITH_ERRORS);
  }

  @Test
  void initialSyncEndsSyncedWhenEveryMailboxSucceeded() {
    String id = syncingBatch();
    when(syncEngine.sync(any(), any(), any())).thenReturn(new MailboxSyncReport(5, 0, 0, 10, null));

    lifecycle
        .mailboxIds(id)
        .forEach(mailbox -> runner.run(mailbox, SyncMode.INITIAL, HeldTaskLock.HELD));

    assertThat(lifecycle.finishInitialSync(id)).isEqualTo(BatchStatus.SYNCED);
  }

  @Test
  void aPassingFailureKeepsTheStatusAndShowsTheReason() {
    String id = syncingBatch();
    String mailbox = lifecycle.mailboxIds(id).get(0);
    when(syncEngine.sync(any(), any(), any()))
        .thenThrow(new TransientStepFailure("mail.contoso.com:993 did not answer"));

    assertThatThrownBy(() -> runner.run(mailbox, SyncMode.INITIAL, HeldTaskLock.HELD))
        .isInstanceOf(TransientStepFailure.class);
    assertThat(store.mailbox(mailbox).orElseThrow())
        .extracting(MailboxState::status, MailboxState::lastError)
        .containsExactly(MailboxStatus.QUEUED, "mail.contoso.com:993 did not answer");

    runner.markFailed(mailbox, "retries ran out: mail.contoso.com:993 did not answer");
    assertThat(store.mailbox(mailbox).orElseThrow().status()).isEqualTo(MailboxStatus.FAILED);
  }

  @Test
  void aMailboxWhoseServerBacksOffWaitsWithoutAPassAndSaysWhy() {
    String id = syncingBatch();
    String mailbox = lifecycle.mailboxIds(id).get(0);
    StoredEndpoint source = store.endpoint(id, EndpointRole.SOURCE).orElseThrow();
    jdbc.sql(
            "INSERT INTO endpoint_backoff (endpoint_key, backoff_until, strikes, reason,"
                + " recorded_at) VALUES (:key, :until, 1, 'NO [THROTTLED]', :now)")
        .param("key", PassServer.key(source.host(), source.port()))
        .param("until", MigrationStore.utc(clock.instant().plus(Duration.ofMinutes(10))))
        .param("now", MigrationStore.utc(clock.instant()))
        .update();

    assertThatThrownBy(() -> runner.run(mailbox, SyncMode.INITIAL, HeldTaskLock.HELD))
        .isInstanceOf(MailboxBusy.class);
    verify(syncEngine, never()).sync(any(), any(), any());
    assertThat(store.mailbox(mailbox).orElseThrow())
        .extracting(MailboxState::status, MailboxState::lastError)
        .satisfies(
            state -> {
              assertThat(state.get(0)).isEqualTo(MailboxStatus.QUEUED);
              assertThat((String) state.get(1)).contains("asked to slow down", "[THROTTLED]");
            });
  }

  @Test
  void aMailboxIsSweptOnlyByAPassStartedAfterTheSweepAndTheOldMxTtl() {
    String id = syncingBatch();
    List<String> mailboxes = lifecycle.mailboxIds(id);
    when(syncEngine.sync(any(), any(), any())).thenReturn(new MailboxSyncReport(1, 0, 0, 1, null));
    mailboxes.forEach(mailbox -> runner.run(mailbox, SyncMode.INITIAL, HeldTaskLock.HELD));
    clock.advance(Duration.ofHours(1));
    Instant switchedAt = clock.instant();
    lifecycle.recordMxSwitch(id, switchedAt);
    lifecycle.recordMxSwitch(id, switchedAt.minusSeconds(60));
    // synced after the switch, but while resolvers may still hold the old MX (TTL 3600 s)
    clock.advance(Duration.ofMinutes(30));
    runner.run(mailboxes.get(0), SyncMode.INCREMENTAL, HeldTaskLock.HELD);
    assertThat(sweeps.unswept(id))
        .extracting(UnsweptMailbox::id, UnsweptMailbox::reason)
        .containsOnly(
            org.assertj.core.groups.Tuple.tuple(
                mailboxes.get(0), "the final sweep has not started yet"),
            org.assertj.core.groups.Tuple.tuple(
                mailboxes.get(1), "the final sweep has not started yet"),
            org.assertj.core.groups.Tuple.tuple(
                mailboxes.get(2), "the final sweep has not started yet"));

    Instant sweepStarted = sweeps.start(id);
    clock.advance(Duration.ofMinutes(1));
    assertThat(sweeps.start(id)).isEqualTo(sweepStarted);
    runner.run(mailboxes.get(2), SyncMode.FINAL, HeldTaskLock.HELD);
    assertThat(sweeps.unswept(id)).extracting(UnsweptMailbox::id).isEqualTo(mailboxes);
    assertThat(sweeps.of(id).orElseThrow().sweptAfter()).isEqualTo(switchedAt.plusSeconds(3600));

    clock.advance(Duration.ofHours(1));
    when(syncEngine.sync(eq(mailboxes.get(1)), any(), any()))
        .thenReturn(new MailboxSyncReport(0, 0, 0, 0, "Folder INBOX could not be read"));
    mailboxes.forEach(mailbox -> runner.run(mailbox, SyncMode.FINAL, HeldTaskLock.HELD));
    assertThat(sweeps.unswept(id))
        .extracting(UnsweptMailbox::line)
        .containsExactly("user1@contoso.com: Folder INBOX could not be read");
    assertThat(store.find(id).orElseThrow().mxSwitchedAt()).isEqualTo(switchedAt);

    sweeps.acceptGap(id, "anna.admin", List.of("user1@contoso.com"));
    FinalSweep sweep = sweeps.of(id).orElseThrow();
    assertThat(sweep.startedAt()).isEqualTo(sweepStarted);
    assertThat(sweep.unswept()).isEqualTo(1);
    assertThat(sweep.gapAcceptedBy()).isEqualTo("anna.admin");
    assertThat(sweep.gapAcceptedAt()).isEqualTo(clock.instant());
    assertThat(sweep.gapMailboxes()).containsExactly("user1@contoso.com");
  }

  @Test
  void deletingTheBatchKeepsTheCredentialUntilTheSourceIsForgotten() {
    String id = syncingBatch();
    StoredMigration stored = store.find(id).orElseThrow();
    SecretRef sourcePassword = store.endpoint(id, EndpointRole.SOURCE).orElseThrow().credential();

    lifecycle.deleteBatch(id);
    lifecycle.deleteBatch(id);
    assertThat(secrets.describe(sourcePassword)).isPresent();
    assertThat(store.endpoint(id, EndpointRole.SOURCE).orElseThrow().credential())
        .isEqualTo(sourcePassword);
    lifecycle.forgetSource(id);
    lifecycle.forgetSource(id);

    assertThat(batchStatus(id)).isEqualTo(BatchStatus.REMOVED);
    assertThat(store.mailboxes(id))
        .extracting(MailboxState::status)
        .containsOnly(MailboxStatus.REMOVED);
    assertThat(store.endpoint(id, EndpointRole.SOURCE).orElseThrow())
        .extracting(StoredEndpoint::status, StoredEndpoint::credential)
        .containsExactly("REMOVED", null);
    assertThat(secrets.describe(sourcePassword)).isEmpty();
    assertThat(secrets.describe(stored.clientSecret())).isPresent();
    assertThat(secrets.describe(stored.dnsCredential())).isPresent();

    runner.run(store.mailboxes(id).get(0).id(), SyncMode.INCREMENTAL, HeldTaskLock.HELD);
    verify(syncEngine, never()).sync(any(), any(), any());
  }

  @Test
  void deletingTheBatchKeepsACredentialAnotherMigrationStillUses() {
    SecretRef shared = secrets.put("shared admin", "shared-password");
    String first =
        registration
            .register(
                withSource(MigrationSamples.valid(), MigrationSamples.source(null, shared.id())))
            .migrationId();
    NewMigration other = withSource(otherDomain(), MigrationSamples.source(null, shared.id()));
    registration.register(other);

    lifecycle.deleteBatch(first);
    lifecycle.forgetSource(first);

    assertThat(secrets.describe(shared)).isPresent();
  }

  @Test
  void aStoppedBatchSyncsNoMore() {
    String id = syncingBatch();

    lifecycle.stopBatch(id);
    lifecycle.stopBatch(id);
    MailboxSyncReport report =
        runner.run(store.mailboxes(id).get(0).id(), SyncMode.INCREMENTAL, HeldTaskLock.HELD);

    assertThat(batchStatus(id)).isEqualTo(BatchStatus.STOPPED);
    assertThat(report.messagesCopied()).isZero();
    verify(syncEngine, never()).sync(any(), any(), any());
    assertThatThrownBy(() -> lifecycle.startBatch(id)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aCancelStopsARunningPassBeforeItsNextWriteAndLeavesNoMailboxWaiting() {
    String id = syncingBatch();
    List<String> mailboxes = lifecycle.mailboxIds(id);
    List<String> stopReasons = new java.util.ArrayList<>();
    when(syncEngine.sync(eq(mailboxes.get(0)), any(), any()))
        .thenAnswer(
            call -> {
              PassWatch watch = call.getArgument(2);
              stopReasons.add(String.valueOf(watch.stopReason()));
              lifecycle.stopBatch(id);
              String reason = watch.stopReason();
              stopReasons.add(reason);
              throw new PassStopped(reason);
            });

    assertThatThrownBy(() -> runner.run(mailboxes.get(0), SyncMode.INITIAL, HeldTaskLock.HELD))
        .isInstanceOf(PassStopped.class);

    assertThat(stopReasons.get(0)).isEqualTo("null");
    assertThat(stopReasons.get(1)).contains("was stopped (migration cancelled)");
    assertThat(store.mailboxes(id))
        .extracting(MailboxState::status)
        .containsOnly(MailboxStatus.STOPPED);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM mailbox_lease").query(Long.class).single()).isZero();
  }

  @Test
  void unknownIdsAreReportedAsSuch() {
    assertThatThrownBy(() -> lifecycle.recordPhase("nope", MigrationPhase.MIGRATING))
        .isInstanceOf(MigrationNotFound.class)
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> runner.run("nope", SyncMode.INITIAL, HeldTaskLock.HELD))
        .isInstanceOf(MigrationNotFound.class);
  }

  private String syncingBatch() {
    String id = registration.register(MigrationSamples.valid()).migrationId();
    lifecycle.createEndpoint(id);
    lifecycle.createBatch(id);
    lifecycle.startBatch(id);
    return id;
  }

  private BatchStatus batchStatus(String id) {
    return store.find(id).orElseThrow().summary().batchStatus();
  }

  private static NewMigration otherDomain() {
    NewMigration sample = MigrationSamples.valid();
    return new NewMigration(
        "fabrikam.com",
        "fabrikam-1",
        List.of(new MailboxEntry("anna@fabrikam.com", null, null)),
        sample.source(),
        sample.target(),
        new DnsSettings(DnsMode.GUIDED, null, null, null, null, null, null, null, null, null),
        "da",
        true,
        null);
  }

  static NewMigration withSource(NewMigration sample, ImapEndpoint source) {
    return new NewMigration(
        sample.domain(),
        sample.batchName(),
        sample.mailboxes(),
        source,
        sample.target(),
        sample.dns(),
        sample.language(),
        sample.autoStartBatch(),
        sample.durations());
  }
}
