package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.externaltask.ExternalTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.cutover.dns.MxPropagationCheck;
import org.cutover.dns.TxtCheck;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.LicenceChoice;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MailboxSyncEngine;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TargetTenant;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.logins.LoginRefused;
import org.cutover.migration.milestones.Milestone;
import org.cutover.notify.LetterKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runbook process {@code cutover-migration} end to end and through each detour, on a plain
 * engine with the real delegates and worker. Together the tests pass every flow node and sequence
 * flow of the model (asserted by the coverage extension).
 */
@Deployment(resources = {"bpmn/cutover-migration.bpmn", "bpmn/switch-letters.bpmn"})
class CutoverMigrationProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension engine =
      ProcessEngineCoverageExtension.builder("camunda-unit.cfg.xml")
          .assertClassCoverageAtLeast(1.0)
          .build();

  ProcessEngine processEngine;

  @BeforeEach
  void initAssertions() {
    BpmnAwareTests.init(processEngine);
  }

  @AfterEach
  void resetClockAndBeans() {
    Mocks.reset();
    ClockUtil.reset();
  }

  private Runbook runbook(String... mailboxes) {
    return new Runbook(processEngine, new InMemoryMigrations(mailboxes), Runbook.defaults(8, 3));
  }

  @Test
  void runsTheWholeRunbookInOrder() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    ProcessInstance instance = runbook.start(true);
    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
    assertThat(instance.getBusinessKey()).isEqualTo(InMemoryMigrations.MIGRATION_ID);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("Communicate upcoming changes");

    runbook.complete("communicateChanges");
    assertThat(runbook.openSyncTasks()).isEqualTo(3);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("Copy the mailbox");
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("assignLicences");
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED");

    runbook.complete("assignLicences");
    // The swap is refused until the old MX TTL has run out since it was lowered.
    BpmnAwareTests.assertThat(instance).isWaitingAt("oldMxTtlRunOut");
    Instant safeAt = runbook.dns.loweredAt.plus(ScriptedDnsRunbook.ORIGINAL_MX_TTL);
    assertThat(runbook.timer("oldMxTtlRunOut").getDuedate().toInstant()).isEqualTo(safeAt);
    runbook.fire("oldMxTtlRunOut");
    assertThat(runbook.dns.swappedAt).isAfterOrEqualTo(safeAt);
    assertThat(runbook.migrations.mxSwitch).isEqualTo(runbook.dns.swappedAt);
    BpmnAwareTests.assertThat(instance).isWaitingAt("finalWaitOver");

    runbook.runIncrementalSync();
    runbook.fire("finalWaitOver");
    BpmnAwareTests.assertThat(instance).isWaitingAt("resyncMailbox");
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("prepareWelcomeLetter");
    assertThat(
            processEngine
                .getTaskService()
                .getVariablesLocal(runbook.task("prepareWelcomeLetter").getId()))
        .containsEntry("letterSubject", Runbook.preview(LetterKind.WELCOME).subject())
        .containsEntry("letterText", Runbook.preview(LetterKind.WELCOME).body());
    runbook.complete("prepareWelcomeLetter");
    // The source is watched for late mail for its period, one look an hour, before it is forgotten.
    BpmnAwareTests.assertThat(instance).isWaitingAt("lateMailCheckDue");
    Instant watchStarted = runbook.now();
    assertThat(runbook.watch.journal)
        .containsExactly("lookAt m-1", "lookAt m-2", "lookAt m-3", "checkLateMail");
    // Each mailbox of a look is a job of its own: no job outlives its lock in a large batch.
    Job timer = runbook.timer("lateMailCheckDue");
    ClockUtil.setCurrentTime(java.util.Date.from(timer.getDuedate().toInstant().plusSeconds(1)));
    processEngine.getManagementService().executeJob(timer.getId());
    processEngine
        .getManagementService()
        .executeJob(runbook.continuation("checkLateMail#multiInstanceBody").getId());
    for (String mailbox : List.of("m-1", "m-2")) {
      processEngine
          .getManagementService()
          .executeJob(runbook.continuation("checkLateMail").getId());
      assertThat(runbook.watch.journal).last().isEqualTo("lookAt " + mailbox);
    }
    processEngine.getManagementService().executeJob(runbook.continuation("checkLateMail").getId());
    assertThat(runbook.watch.journal).endsWith("lookAt m-3", "checkLateMail");
    BpmnAwareTests.assertThat(instance).isWaitingAt("lateMailCheckDue");
    runbook.runLateMailWatch();
    assertThat(runbook.watch.checks()).isEqualTo(169);
    assertThat(runbook.watch.journal.stream().filter(entry -> entry.startsWith("lookAt ")))
        .hasSize(169 * 3);
    assertThat(runbook.now()).isAfterOrEqualTo(watchStarted.plus(RecordedWatchAndWayBack.WATCH));
    assertThat(runbook.watch.journal).endsWith("lookAt m-3", "checkLateMail", "endLateMailWatch");
    assertThat(runbook.watch.endedHow()).isEqualTo("PERIOD_OVER");
    assertThat((String) runbook.taskVariables("reviewLateMail").get("lateMailSummary"))
        // in the migration's language, Danish here
        .contains("2 sene beskeder kopieret til målet")
        .contains("m-1@contoso.com: 2 kopieret");
    runbook.complete("reviewLateMail");
    runbook.complete("decommissionServer");
    // The licence reminder names the deadline, 30 days after the batch started.
    verify(runbook.letters)
        .recordLicenceDeadline(InMemoryMigrations.MIGRATION_ID, LocalDate.parse("2026-04-01"));

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "preparationStarted",
            "runPreflight",
            "sendAnnouncement",
            "verifyTxtRecord",
            "lowerMxTtl",
            "migrationStarted",
            "createEndpoint",
            "createBatch",
            "startBatch",
            "finishInitialSync",
            "assignLicences",
            "proveAtNewMx",
            "cutOverStarted",
            "swapMx",
            "verifyMxPropagation",
            "finalWaitOver",
            "verifyFinalSync",
            "resyncMailbox",
            "batchCaughtUp",
            "deleteBatch",
            "finishingStarted",
            "createAutodiscover",
            "publishSpf",
            "restoreMxTtl",
            "sendWelcomeLetter",
            "lateMailWatchStarted",
            "checkLateMail",
            "lateMailWatchDone",
            "endLateMailWatch",
            "reviewLateMail",
            "decommissionServer",
            "migrationCompleted");
    assertThat(runbook.migrations.phases)
        .containsExactly(
            MigrationPhase.PREPARING,
            MigrationPhase.MIGRATING,
            MigrationPhase.CUTTING_OVER,
            MigrationPhase.FINISHING,
            MigrationPhase.COMPLETED);
    // The administrator is told at each milestone, once.
    assertThat(runbook.migrations.milestones)
        .containsExactly(
            Milestone.INITIAL_SYNC_DONE, Milestone.SWITCH_DONE, Milestone.MIGRATION_COMPLETED);
    assertThat(runbook.ports.calls)
        .containsSubsequence(
            "preflight",
            "testSourceEndpoint",
            "checkMailboxes",
            "announcement",
            "provision m-1",
            "welcomeLetter");
    assertThat(runbook.dns.calls)
        .containsSubsequence(
            "verifyDomainTxt",
            "lowerMxTtl",
            "swapMx",
            "verifyMxPropagation",
            "createAutodiscover",
            "publishSpf",
            "restoreMxTtl");
    assertThat(runbook.migrations.status).isEqualTo(BatchStatus.REMOVED);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID)).isEmpty();
  }

  @Test
  void looksUpTheTxtRecordAgainAfterTheWait() {
    Runbook runbook = runbook("m-1");
    runbook.dns.txt.add(new TxtCheck(false, "ns1.contoso.com: no TXT record"));
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");

    BpmnAwareTests.assertThat(instance).isWaitingAt("txtRetryWaited");
    assertThat(runbook.timer("txtRetryWaited").getDuedate().toInstant())
        .isEqualTo(Runbook.START.plus(Duration.ofMinutes(15)));
    runbook.fire("txtRetryWaited");

    assertThat(runbook.variable(instance, "txtAttempts")).isEqualTo(2);
    assertThat(runbook.variable(instance, "txtRecordFound")).isEqualTo(true);
    BpmnAwareTests.assertThat(instance).hasPassed("runPreflight").isWaitingAt("copyMailbox");
  }

  @Test
  void asksTheAdministratorToFixDomainVerificationAfterTheLastTry() {
    Runbook runbook =
        new Runbook(processEngine, new InMemoryMigrations("m-1"), Runbook.defaults(2, 3));
    String answered = "ns1.contoso.com: MS=ms00000000 (expected MS=ms12345678)";
    runbook.dns.txt.add(new TxtCheck(false, answered));
    runbook.dns.txt.add(new TxtCheck(false, answered));
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");
    runbook.fire("txtRetryWaited");

    BpmnAwareTests.assertThat(instance).isWaitingAt("fixDomainVerification");
    assertThat(runbook.taskVariables("fixDomainVerification"))
        .containsEntry("txtLookupDetail", answered)
        .containsEntry("domain", "contoso.com");
    runbook.complete("fixDomainVerification");

    assertThat(runbook.dns.calls).filteredOn("verifyDomainTxt"::equals).hasSize(3);
    assertThat(runbook.variable(instance, "txtAttempts")).isEqualTo(1);
    BpmnAwareTests.assertThat(instance).hasPassed("runPreflight").isWaitingAt("copyMailbox");
  }

  @Test
  void oneFailingMailboxEndsTheInitialSyncWithErrorsAndTheMigrationGoesOn() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    runbook.migrations.troubled("m-2", SyncMode.INITIAL, Integer.MAX_VALUE);
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");
    runbook.workSyncTasks();

    ExternalTask retried =
        processEngine.getExternalTaskService().createExternalTaskQuery().singleResult();
    assertThat(retried.getRetries()).isEqualTo(4);
    assertThat(retried.getErrorMessage()).isEqualTo("The source server did not answer for m-2");
    int rounds = 0;
    while (runbook.openSyncTasks() > 0 && rounds++ < 10) {
      runbook.advance(Duration.ofMinutes(10));
      runbook.workSyncTasks();
    }

    assertThat(runbook.migrations.journal)
        .filteredOn("sync INITIAL m-2"::equals)
        .hasSize(MailboxSyncWorker.ATTEMPTS);
    assertThat(runbook.migrations.mailbox("m-2").status).isEqualTo(MailboxStatus.FAILED);
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED_WITH_ERRORS");
    assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(
            processEngine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .variableName("syncError")
                .singleResult()
                .getValue())
        .isEqualTo("The source server did not answer for m-2");
    // The failure does not end silently: the administrator reviews it in Tasklist.
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewFailedMailboxes");
    assertThat(runbook.taskVariables("reviewFailedMailboxes"))
        .containsEntry("failedMailboxCount", 1)
        .containsEntry(
            "failedMailboxes", "m-2@contoso.com: The source server did not answer for m-2");

    runbook.complete(
        "reviewFailedMailboxes", Map.of("failedMailboxesChoice", ApplyFailedMailboxChoice.EXCLUDE));
    runbook.runJobs();
    BpmnAwareTests.assertThat(instance)
        .hasPassed("applyFailedMailboxChoice")
        .isWaitingAt("assignLicences");
    assertThat(runbook.migrations.journal).contains("excludeFailed [m-2@contoso.com]");
    assertThat(runbook.migrations.mailbox("m-2").status).isEqualTo(MailboxStatus.REMOVED);
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED");
    assertThat(runbook.variable(instance, "failedMailboxCount")).isEqualTo(0);
  }

  @Test
  void aFailedMailboxCopiedAgainFromTheReviewRejoinsTheBatch() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    runbook.migrations.failing("m-3", SyncMode.INITIAL, 2);
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewFailedMailboxes");
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED_WITH_ERRORS");
    assertThat(runbook.taskVariables("reviewFailedMailboxes"))
        .containsEntry("failedMailboxes", "m-3@contoso.com: Folder INBOX of m-3 could not be read");

    // The second copy fails again: the review comes back.
    runbook.complete("reviewFailedMailboxes", Map.of("failedMailboxesChoice", "SYNC_AGAIN"));
    runbook.runJobs();
    assertThat(runbook.openSyncTasks()).isEqualTo(1);
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewFailedMailboxes");

    // The third succeeds: only m-3 was copied again, and the batch is synced.
    runbook.complete("reviewFailedMailboxes", Map.of("failedMailboxesChoice", "SYNC_AGAIN"));
    runbook.runJobs();
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance)
        .hasPassed("syncFailedMailboxAgain")
        .isWaitingAt("assignLicences");
    assertThat(runbook.migrations.journal).filteredOn("sync INITIAL m-3"::equals).hasSize(3);
    assertThat(runbook.migrations.journal).filteredOn("sync INITIAL m-1"::equals).hasSize(1);
    assertThat(runbook.migrations.mailbox("m-3").status).isEqualTo(MailboxStatus.SYNCED);
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED");
  }

  @Test
  void waitsSeventyTwoHoursOnTheEngineClockBeforeTheFinalSyncCheck() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    Instant switchedAt = Instant.parse((String) runbook.variable(instance, "mxSwitchedAt"));
    Instant due = runbook.timer("finalWaitOver").getDuedate().toInstant();
    assertThat(due).isEqualTo(switchedAt.plus(Duration.ofHours(72)));
    runbook.runIncrementalSync();

    runbook.advance(Duration.between(runbook.now(), due).minusMinutes(1));
    assertThat(
            processEngine
                .getManagementService()
                .createJobQuery()
                .activityId("finalWaitOver")
                .executable()
                .count())
        .isZero();
    BpmnAwareTests.assertThat(instance).isWaitingAt("finalWaitOver");
    runbook.fire("finalWaitOver");
    runbook.workSyncTasks();

    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder(
            "finalWaitOver", "verifyFinalSync", "resyncMailbox", "batchCaughtUp", "deleteBatch")
        .isWaitingAt("prepareWelcomeLetter");
  }

  @Test
  void recordsTheSwitchTimeTheDnsChangeJournalHolds() {
    Runbook runbook = runbook("m-1");
    Instant zoneChanged = Runbook.START.plus(Duration.ofHours(2));
    runbook.dns.journalledSwitch = zoneChanged;
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();

    assertThat(runbook.dns.swappedAt).isNotEqualTo(zoneChanged);
    assertThat(runbook.migrations.mxSwitch).isEqualTo(zoneChanged);
    assertThat(runbook.variable(instance, "mxSwitchedAt")).isEqualTo(zoneChanged.toString());
  }

  @Test
  void sweepsEveryMailboxAfterTheWaitEvenThoseSyncedSinceTheSwitch() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    runbook.migrations.failing("m-3", SyncMode.INCREMENTAL, 1);
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    runbook.runIncrementalSync();
    assertThat(runbook.migrations.mailbox("m-1").lastSuccessfulSync)
        .isAfter(runbook.migrations.mxSwitch);
    assertThat(runbook.migrations.mailbox("m-3").lastSuccessfulSync)
        .isBefore(runbook.migrations.mxSwitch);

    runbook.fire("finalWaitOver");
    BpmnAwareTests.assertThat(instance).isWaitingAt("resyncMailbox");
    assertThat(runbook.variable(instance, "mailboxesBehindCount")).isEqualTo(3);
    assertThat((String) runbook.variable(instance, "mailboxesBehind"))
        .contains("m-3@contoso.com: Folder INBOX of m-3 could not be read");
    assertThat(runbook.variable(instance, "finalSweepStartedAt"))
        .isEqualTo(runbook.migrations.sweepStarted.toString());
    runbook.workSyncTasks();

    List<String> journal = runbook.migrations.journal;
    assertThat(journal)
        .containsSubsequence("startFinalSweep", "sync FINAL m-1", "sync FINAL m-2", "deleteBatch")
        .containsSubsequence("startFinalSweep", "sync FINAL m-3", "deleteBatch");
    for (String mailbox : List.of("m-1", "m-2", "m-3")) {
      assertThat(runbook.migrations.mailbox(mailbox).lastSuccessfulSync)
          .isAfterOrEqualTo(runbook.migrations.sweepStarted);
    }
    BpmnAwareTests.assertThat(instance)
        .hasPassed("batchCaughtUp")
        .isWaitingAt("prepareWelcomeLetter");
  }

  @Test
  void acceptingMailboxesTheSweepMissedRecordsWhoAndWhen() {
    Runbook runbook =
        new Runbook(processEngine, new InMemoryMigrations("m-1", "m-2"), Runbook.defaults(8, 1));
    runbook.migrations.failing("m-2", SyncMode.FINAL, Integer.MAX_VALUE);
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    runbook.fire("finalWaitOver");
    runbook.workSyncTasks();

    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewUnsyncedMailboxes");
    assertThat(runbook.taskVariables("reviewUnsyncedMailboxes"))
        .containsEntry("mailboxesBehind", "m-2@contoso.com: Folder INBOX of m-2 could not be read")
        .containsEntry("mailboxesBehindCount", 1);
    runbook.complete("reviewUnsyncedMailboxes", Map.of("syncAgain", true));
    runbook.workSyncTasks();
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewUnsyncedMailboxes");
    assertThatThrownBy(
            () -> runbook.complete("reviewUnsyncedMailboxes", Map.of("syncAgain", false)))
        .hasMessageContaining("sign in");
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewUnsyncedMailboxes");
    runbook.advance(Duration.ofMinutes(5));
    processEngine.getIdentityService().setAuthenticatedUserId("anna.admin");
    try {
      runbook.complete("reviewUnsyncedMailboxes", Map.of("syncAgain", false));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    assertThat(runbook.migrations.journal).filteredOn("sync FINAL m-2"::equals).hasSize(3);
    assertThat(runbook.migrations.gapAcceptedBy).isEqualTo("anna.admin");
    assertThat(runbook.migrations.gapAcceptedAt).isEqualTo(runbook.now());
    assertThat(runbook.migrations.gapMailboxes).containsExactly("m-2@contoso.com");
    assertThat(runbook.migrations.journal)
        .containsSubsequence("acceptGap m-2@contoso.com", "deleteBatch");
    BpmnAwareTests.assertThat(instance)
        .hasPassed("unsyncedAccepted", "deleteBatch")
        .isWaitingAt("prepareWelcomeLetter");
  }

  @Test
  void waitsBeforeTheFirstSyncUntilEveryRecipientIsAtTheTarget() {
    Runbook runbook = runbook("m-1");
    runbook.provisioning.missing.add("sales@contoso.com (shared mailbox): shared mailbox type");
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");

    BpmnAwareTests.assertThat(instance).isWaitingAt("provisionMissingRecipients");
    assertThat(runbook.openSyncTasks()).isZero();
    assertThat(runbook.taskVariables("provisionMissingRecipients"))
        .containsEntry("targetMissingCount", 1)
        .containsEntry("targetMissing", "sales@contoso.com (shared mailbox): shared mailbox type")
        .hasEntrySatisfying(
            "provisioningScript", script -> assertThat((String) script).contains("Connect-"));

    // Still missing after the first run: the task opens again with the list.
    runbook.complete("provisionMissingRecipients", Map.of("provisioningDone", true));
    BpmnAwareTests.assertThat(instance).isWaitingAt("provisionMissingRecipients");

    runbook.provisioning.missing.clear();
    runbook.complete("provisionMissingRecipients", Map.of("provisioningDone", true));
    assertThat(runbook.provisioning.checks)
        .containsExactly("check confirmed=false", "check confirmed=true", "check confirmed=true");
    BpmnAwareTests.assertThat(instance)
        .hasPassed(
            "provisioningAttempt",
            "checkTargetProvisioning",
            "recipientsProvisioned",
            "batchStartsAutomatically",
            "startBatch");
    assertThat(runbook.openSyncTasks()).isEqualTo(1);
  }

  @Test
  void holdsTheSwapWhileAnAddressWouldBounceUntilTheTargetIsFixedAndProvedAgain() {
    Runbook runbook = runbook("m-1");
    runbook.mxProofs.refused.add("sales@contoso.com");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.complete("assignLicences");

    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewWouldBounce");
    assertThat(runbook.taskVariables("reviewWouldBounce"))
        .containsEntry("wouldBounceCount", 1)
        .containsEntry(
            "wouldBounce", "sales@contoso.com: 550 5.4.1 Recipient address rejected: Access denied")
        .containsEntry("mxProofHost", ScriptedMxProofs.MX);
    assertThat(runbook.dns.calls).doesNotContain("swapMx");
    assertThat(runbook.migrations.phases).doesNotContain(MigrationPhase.CUTTING_OVER);

    runbook.mxProofs.refused.clear();
    runbook.complete("reviewWouldBounce", Map.of("proveAgain", true));

    assertThat(runbook.mxProofs.calls).containsExactly("prove", "prove");
    BpmnAwareTests.assertThat(instance)
        .hasPassed("proveAgainChosen", "mxProofAttempt", "addressesAccepted", "cutOverStarted")
        .isWaitingAt("oldMxTtlRunOut");
  }

  @Test
  void acceptingAddressesThatWouldBounceRecordsWhoAndLetsTheSwapGo() {
    Runbook runbook = runbook("m-1");
    runbook.mxProofs.refused.add("sales@contoso.com");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.complete("assignLicences");
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewWouldBounce");

    assertThatThrownBy(() -> runbook.complete("reviewWouldBounce", Map.of("proveAgain", false)))
        .hasMessageContaining("sign in");
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewWouldBounce");
    processEngine.getIdentityService().setAuthenticatedUserId("anna.admin");
    try {
      runbook.complete("reviewWouldBounce", Map.of("proveAgain", false));
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    assertThat(runbook.mxProofs.calls)
        .containsExactly("prove", "accept anna.admin sales@contoso.com");
    assertThat(runbook.mxProofs.of("any").orElseThrow().clearsTheSwap()).isTrue();
    BpmnAwareTests.assertThat(instance).hasPassed("cutOverStarted").isWaitingAt("oldMxTtlRunOut");
    runbook.fire("oldMxTtlRunOut");
    assertThat(runbook.dns.calls).contains("swapMx");
  }

  @Test
  void aSyncOnRequestQueuesAnIncrementalPassOnlyForMailboxesWithoutOne() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");
    assertThatThrownBy(
            () -> runbook.control.requestSync(InMemoryMigrations.MIGRATION_ID, List.of("m-1")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not keeping its batch in sync now");
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).isWaitingAt("assignLicences");

    SyncRequested first =
        runbook.control.requestSync(InMemoryMigrations.MIGRATION_ID, List.of("m-1", "m-2"));
    assertThat(first.queued()).containsExactly("m-1", "m-2");
    assertThat(first.alreadyQueued()).isEmpty();
    assertThat(runbook.openSyncTasks()).isEqualTo(2);
    SyncRequested second =
        runbook.control.requestSync(InMemoryMigrations.MIGRATION_ID, List.of("m-1", "m-2", "m-3"));
    assertThat(second.queued()).containsExactly("m-3");
    assertThat(second.alreadyQueued()).containsExactly("m-1", "m-2");
    assertThat(runbook.openSyncTasks()).isEqualTo(3);
    runbook.fire("incrementalSyncDue");
    assertThat(
            runbook.control.requestSync(InMemoryMigrations.MIGRATION_ID, List.of("m-2")).queued())
        .isEmpty();

    runbook.workSyncTasks();
    assertThat(runbook.openSyncTasks()).isZero();
    assertThat(runbook.migrations.journal)
        .filteredOn(e -> e.startsWith("sync INCREMENTAL"))
        .containsExactlyInAnyOrder(
            "sync INCREMENTAL m-1",
            "sync INCREMENTAL m-2",
            "sync INCREMENTAL m-3",
            "sync INCREMENTAL m-1",
            "sync INCREMENTAL m-2",
            "sync INCREMENTAL m-3");
    BpmnAwareTests.assertThat(instance)
        .hasPassed("syncRequested", "syncOnRequest", "syncOnRequestDone")
        .isWaitingAt("assignLicences");
  }

  @Test
  void theFinalSyncOnRequestEndsTheWaitAfterTheSwitchAndSweepsEveryMailbox() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    assertThatThrownBy(() -> runbook.control.requestFinalSync(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("is not waiting after the MX switch");
    runbook.runToFinalWait();
    Instant requested = runbook.now();

    runbook.control.requestFinalSync(InMemoryMigrations.MIGRATION_ID);
    runbook.runDueTimers();
    BpmnAwareTests.assertThat(instance).isWaitingAt("resyncMailbox");
    assertThat(runbook.now()).isEqualTo(requested);
    runbook.workSyncTasks();

    assertThat(runbook.migrations.journal)
        .containsSubsequence("startFinalSweep", "sync FINAL m-1", "sync FINAL m-2", "deleteBatch");
    BpmnAwareTests.assertThat(instance)
        .hasPassed("batchCaughtUp", "deleteBatch")
        .isWaitingAt("prepareWelcomeLetter");
  }

  @Test
  void checksMxPropagationAgainUntilComplete() {
    Runbook runbook = runbook("m-1");
    runbook.dns.propagation.add(
        new MxPropagationCheck(false, "ns2.contoso.com still answers 10 mail"));
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();

    BpmnAwareTests.assertThat(instance).isWaitingAt("propagationRetryWaited");
    assertThat(runbook.variable(instance, "mxPropagationDetail"))
        .isEqualTo("ns2.contoso.com still answers 10 mail");
    Instant checkedAt = runbook.now();
    assertThat(runbook.timer("propagationRetryWaited").getDuedate().toInstant())
        .isEqualTo(checkedAt.plus(Duration.ofMinutes(15)));
    runbook.fire("propagationRetryWaited");

    BpmnAwareTests.assertThat(instance).isWaitingAt("finalWaitOver");
    assertThat(runbook.dns.calls).filteredOn("verifyMxPropagation"::equals).hasSize(2);
  }

  @Test
  void runsIncrementalSyncsOnTheCycleUntilTheBatchIsDeleted() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    Instant synced = runbook.now();
    assertThat(runbook.timer("incrementalSyncDue").getDuedate().toInstant())
        .isEqualTo(synced.plus(Duration.ofHours(24)));
    runbook.runToFinalWait();

    runbook.runIncrementalSync();
    assertThat(runbook.migrations.journal)
        .containsSubsequence("sync INCREMENTAL m-1", "sync INCREMENTAL m-2");
    assertThat(runbook.timer("incrementalSyncDue").getDuedate().toInstant())
        .isEqualTo(synced.plus(Duration.ofHours(48)));
    runbook.fire("incrementalSyncDue");
    assertThat(runbook.openSyncTasks()).isEqualTo(2);

    runbook.fire("finalWaitOver");
    assertThat(runbook.openSyncTasks()).isEqualTo(4);
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance)
        .hasPassed("deleteBatch")
        .isWaitingAt("prepareWelcomeLetter");
    assertThat(runbook.openSyncTasks()).isZero();
    assertThat(runbook.hasTimer("incrementalSyncDue")).isFalse();
    assertThat(runbook.migrations.journal)
        .filteredOn(e -> e.startsWith("sync INCREMENTAL"))
        .hasSize(4);
  }

  @Test
  void cancelAfterTheMxSwapRollsBackDnsAndStopsSyncing() {
    Runbook runbook = runbook("m-1", "m-2");
    runbook.dns.guided("rollback", 1);
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    runbook.fire("incrementalSyncDue");

    runbook.control.cancel(InMemoryMigrations.MIGRATION_ID);
    assertThat(runbook.migrations.phases).last().isEqualTo(MigrationPhase.CANCELLING);
    assertThatThrownBy(() -> runbook.control.cancel(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("migration mig-1 is already being cancelled");
    runbook.runJobs();

    BpmnAwareTests.assertThat(instance).isWaitingAt("setRollbackRecord");
    assertThat(runbook.taskVariables("setRollbackRecord"))
        .containsEntry("dnsStep", "Roll back DNS changes")
        .containsEntry("dnsInstruction", ScriptedDnsRunbook.MX_BY_HAND.describe())
        .containsEntry(
            "dnsSeenNow", "ns1.contoso.com answers: contoso.com 3600 IN MX 10 mail.contoso.com.");
    runbook.complete("setRollbackRecord", Map.of("dnsRecordSet", true));

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "cancelRequested", "rollbackDns", "stopSyncing", "copyMailBack", "migrationCancelled")
        .hasNotPassed("deleteBatch", "reviewMailNotCopiedBack");
    // MX was switched: the mail that reached the target since goes back, after syncing stopped.
    assertThat(runbook.watch.journal).containsExactly("copyBack", "endAfterRollback");
    assertThat(runbook.watch.endedHow()).isNull();
    assertThat(runbook.dns.calls).filteredOn("rollback"::equals).hasSize(2);
    assertThat(runbook.migrations.journal).contains("stopBatch").doesNotContain("deleteBatch");
    assertThat(runbook.migrations.status).isEqualTo(BatchStatus.STOPPED);
    assertThat(runbook.migrations.phases)
        .endsWith(MigrationPhase.CANCELLING, MigrationPhase.CANCELLED);
    assertThat(runbook.openSyncTasks()).isZero();
    assertThat(runbook.migrations.milestones)
        .containsExactly(
            Milestone.INITIAL_SYNC_DONE, Milestone.SWITCH_DONE, Milestone.MIGRATION_CANCELLED);
    assertThatThrownBy(() -> runbook.control.cancel(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("migration mig-1 cannot be cancelled: its runbook is not running");
  }

  @Test
  void aCancelDuringTheLateMailWatchRollsBackDnsAndCopiesTheNewMailBack() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    runbook.runIncrementalSync();
    runbook.fire("finalWaitOver");
    runbook.workSyncTasks();
    runbook.complete("prepareWelcomeLetter");
    runbook.fire("lateMailCheckDue");
    assertThat(runbook.watch.checks()).isEqualTo(2);

    runbook.control.cancel(InMemoryMigrations.MIGRATION_ID);
    assertThat(runbook.migrations.phases).last().isEqualTo(MigrationPhase.CANCELLING);
    assertThatThrownBy(() -> runbook.control.cancel(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("migration mig-1 is already being cancelled");
    runbook.runJobs();

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "deleteBatch",
            "sendWelcomeLetter",
            "checkLateMail",
            "rollbackRequested",
            "rollbackDns",
            "stopSyncing",
            "copyMailBack",
            "migrationCancelled")
        .hasNotPassed("endLateMailWatch", "decommissionServer", "cancelRequested");
    assertThat(runbook.dns.calls).contains("rollback");
    assertThat(runbook.watch.journal).endsWith("copyBack", "endAfterRollback");
    assertThat(runbook.watch.endedHow()).isEqualTo("ROLLED_BACK");
    assertThat(runbook.migrations.phases)
        .endsWith(MigrationPhase.FINISHING, MigrationPhase.CANCELLING, MigrationPhase.CANCELLED);
  }

  @Test
  void mailThatCouldNotBeCopiedBackIsListedForTheAdministrator() {
    Runbook runbook = runbook("m-1");
    runbook.watch.notCopiedBack =
        List.of("m-1@contoso.com: message UID 7 in INBOX (90000000 bytes): TOO_LARGE, limit 35 MB");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();

    runbook.control.cancel(InMemoryMigrations.MIGRATION_ID);
    runbook.runJobs();

    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewMailNotCopiedBack");
    assertThat(runbook.taskVariables("reviewMailNotCopiedBack"))
        .containsEntry("mailNotCopiedBackCount", 1)
        .containsEntry(
            "mailNotCopiedBack",
            "m-1@contoso.com: message UID 7 in INBOX (90000000 bytes): TOO_LARGE, limit 35 MB");
    runbook.complete("reviewMailNotCopiedBack");
    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder("copyMailBack", "reviewMailNotCopiedBack", "migrationCancelled");
  }

  @Test
  void cannotBeCancelledOnceTheBatchIsDeleted() {
    Runbook runbook = runbook("m-1");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    runbook.runIncrementalSync();
    runbook.fire("finalWaitOver");
    runbook.workSyncTasks();
    BpmnAwareTests.assertThat(instance).hasPassed("deleteBatch");

    assertThatThrownBy(() -> runbook.control.cancel(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("migration mig-1 can no longer be cancelled");
    BpmnAwareTests.assertThat(instance).isWaitingAt("prepareWelcomeLetter");
  }

  @Test
  void theAdministratorApprovesThePlannedDnsChangesBeforeTheFirstOne() {
    Runbook runbook = runbook("m-1").approvingDnsChanges();
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");

    BpmnAwareTests.assertThat(instance).isWaitingAt("approveDnsChanges");
    assertThat(runbook.taskVariables("approveDnsChanges"))
        .containsEntry("dnsPlan", ScriptedDnsRunbook.PLAN)
        .containsEntry("migrationId", InMemoryMigrations.MIGRATION_ID);
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("Approve the planned DNS changes");
    assertThat(runbook.dns.calls).contains("planChanges").doesNotContain("lowerMxTtl");
    assertThat(runbook.dns.loweredAt).isNull();

    runbook.complete("approveDnsChanges", Map.of("dnsChangesApproved", true));

    assertThat(runbook.dns.calls).containsSubsequence("planChanges", "lowerMxTtl");
    assertThat(runbook.dns.loweredAt).isNotNull();
    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder(
            "verifyTxtRecord",
            "planDnsChanges",
            "approveDnsChanges",
            "lowerMxTtl",
            "createEndpoint");
  }

  @Test
  void guidedDnsNeedsNoApprovalOfPlannedChanges() {
    Runbook runbook = runbook("m-1").approvingDnsChanges();
    ProcessInstance instance =
        runbook.instance(runbook.control.start(runbook.startValues(true, true)));
    runbook.runJobs();
    runbook.complete("communicateChanges");

    BpmnAwareTests.assertThat(instance).hasPassed("planDnsChanges", "lowerMxTtl");
    BpmnAwareTests.assertThat(instance).hasNotPassed("approveDnsChanges");
    assertThat(runbook.variable(instance, "dnsApprovalNeeded")).isEqualTo(false);
    assertThat(runbook.variable(instance, "dnsPlan")).isNull();
    assertThat(runbook.dns.calls).doesNotContain("planChanges");
  }

  @Test
  void guidedDnsStepsLoopThroughTheHumanTaskUntilDone() {
    Runbook runbook = runbook("m-1");
    runbook.dns.guided("lowerMxTtl", 2).guided("swapMx", 1);
    runbook.dns.guided("createAutodiscover", 1).guided("publishSpf", 1);
    runbook.dns.guided("restoreMxTtl", 1);
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");

    BpmnAwareTests.assertThat(instance).isWaitingAt("setLoweredTtlRecord");
    assertThat(runbook.taskVariables("setLoweredTtlRecord"))
        .containsEntry("dnsStep", "Lower MX TTL")
        .containsEntry("dnsInstruction", ScriptedDnsRunbook.MX_BY_HAND.describe());
    assertThat(runbook.control.currentSteps(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("Set the DNS record at your DNS host");
    runbook.complete("setLoweredTtlRecord", Map.of("dnsRecordSet", true));
    BpmnAwareTests.assertThat(instance).isWaitingAt("setLoweredTtlRecord");
    runbook.complete("setLoweredTtlRecord", Map.of("dnsRecordSet", true));
    assertThat(runbook.variable(instance, "dnsInstruction")).isNull();
    assertThat(runbook.dns.calls).filteredOn("lowerMxTtl"::equals).hasSize(3);

    runbook.workSyncTasks();
    runbook.complete("assignLicences");
    runbook.fire("oldMxTtlRunOut");
    runbook.complete("setMxRecords", Map.of("dnsRecordSet", true));
    BpmnAwareTests.assertThat(instance).isWaitingAt("finalWaitOver");
    runbook.runIncrementalSync();
    runbook.fire("finalWaitOver");
    runbook.workSyncTasks();
    runbook.complete("setAutodiscoverRecord", Map.of("dnsRecordSet", true));
    assertThat(runbook.taskVariables("setSpfRecord"))
        .containsEntry("dnsStep", "Publish SPF for the target");
    runbook.complete("setSpfRecord", Map.of("dnsRecordSet", true));
    runbook.complete("setRestoredTtlRecord", Map.of("dnsRecordSet", true));
    runbook.complete("prepareWelcomeLetter");
    runbook.runLateMailWatch();
    runbook.complete("reviewLateMail");
    runbook.complete("decommissionServer");

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "setLoweredTtlRecord",
            "migrationStarted",
            "setMxRecords",
            "verifyMxPropagation",
            "setAutodiscoverRecord",
            "setSpfRecord",
            "setRestoredTtlRecord",
            "migrationCompleted");
  }

  @Test
  void aTasklistStartSetsTheSameVariablesAsARestStart() {
    Map<String, Object> form =
        Map.of(
            "domain", "contoso.com",
            "batchName", "contoso-2026",
            "sourceHost", "mail.contoso.com",
            "mailboxes", "anna@contoso.com",
            "dnsMode", "AUTOMATIC",
            "autoStartBatch", false,
            "language", "da");
    Runbook fromTasklist = runbook("m-1");
    String definitionId =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-migration")
            .singleResult()
            .getId();
    ProcessInstance tasklist = processEngine.getFormService().submitStartForm(definitionId, form);
    fromTasklist.runJobs();
    Map<String, Object> tasklistVariables =
        new HashMap<>(processEngine.getRuntimeService().getVariables(tasklist.getId()));
    // One runbook per migration: the fake registry names the same migration both times.
    processEngine.getRuntimeService().deleteProcessInstance(tasklist.getId(), "compared");

    Runbook overRest = runbook("m-1");
    String rest =
        overRest.control.start(
            new RunbookStarts(overRest.defaults).startFor(InMemoryMigrations.registered(form)));
    overRest.runJobs();
    Map<String, Object> restVariables = processEngine.getRuntimeService().getVariables(rest);

    // Only the start form's path has the registration's verdict.
    assertThat(tasklistVariables.remove("settingsValid")).isEqualTo(true);
    assertThat(tasklistVariables)
        .isEqualTo(restVariables)
        .containsEntry("guidedDns", false)
        .containsEntry("autoStartBatch", false)
        .containsEntry("finalSyncMaxRounds", 3);
  }

  @Test
  void registersAMigrationStartedInTasklistOnceItsSettingsAreCorrected() {
    Runbook runbook = runbook("m-1");
    String definitionId =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-migration")
            .singleResult()
            .getId();
    ProcessInstance instance =
        processEngine
            .getFormService()
            .submitStartForm(
                definitionId,
                Map.of(
                    "domain", "contoso",
                    "batchName", "contoso-2026",
                    "sourceHost", "mail.contoso.com",
                    "mailboxes", "",
                    "dnsMode", "GUIDED",
                    "autoStartBatch", true));
    runbook.runJobs();

    BpmnAwareTests.assertThat(instance).isWaitingAt("correctSettings");
    assertThat((String) runbook.taskVariables("correctSettings").get("settingsProblems"))
        .contains("Domain 'contoso' is not a domain name")
        .contains("No mailboxes listed");
    runbook.complete(
        "correctSettings",
        Map.of("domain", "contoso.com", "mailboxes", "anna@contoso.com\nbo@contoso.com"));

    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
    assertThat(runbook.instance(instance.getId()).getBusinessKey())
        .isEqualTo(InMemoryMigrations.MIGRATION_ID);
    Map<String, Object> variables =
        processEngine.getRuntimeService().getVariables(instance.getId());
    assertThat(variables)
        .containsEntry("migrationId", InMemoryMigrations.MIGRATION_ID)
        .containsEntry("domain", "contoso.com")
        .containsEntry("autoStartBatch", true)
        .containsEntry("guidedDns", true)
        .containsEntry("txtRetryWait", "PT15M")
        .containsEntry("txtMaxAttempts", 8)
        .containsEntry("incrementalSyncCycle", "PT24H")
        .containsEntry("finalWait", "PT72H")
        .containsEntry("licenceDeadline", "PT720H")
        .containsEntry("finalSyncMaxRounds", 3)
        .doesNotContainKeys("mailboxes", "sourceHost", "dnsMode", "settingsProblems");
    assertThat(runbook.migrations.registrations).hasSize(2);
    assertThat(runbook.migrations.registrations.get(1))
        .containsEntry("sourceHost", "mail.contoso.com")
        .containsEntry("mailboxes", "anna@contoso.com\nbo@contoso.com");
    assertThat(runbook.migrations.phases).containsExactly(MigrationPhase.PREPARING);
  }

  @Test
  void plansTheSwitchGivenInTheStartFormWithItsLettersOnceTheMigrationIsRegistered() {
    Runbook runbook = runbook("m-1");
    String definitionId =
        processEngine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("cutover-migration")
            .singleResult()
            .getId();
    ProcessInstance instance =
        processEngine
            .getFormService()
            .submitStartForm(
                definitionId,
                Map.of(
                    "domain", "contoso.com",
                    "mailboxes", "anna@contoso.com",
                    "dnsMode", "GUIDED",
                    "switchDate", "2026-03-05",
                    "switchTime", "18:00",
                    "switchZone", "Europe/Copenhagen"));
    runbook.runJobs();

    BpmnAwareTests.assertThat(instance).isWaitingAt("communicateChanges");
    assertThat(runbook.switches.planned)
        .isEqualTo(
            new org.cutover.migration.schedule.PlannedSwitch(
                Instant.parse("2026-03-05T17:00:00Z"), "Europe/Copenhagen", 0));
    assertThat(
            processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(SwitchLetterPlan.PROCESS_KEY)
                .processInstanceBusinessKey(InMemoryMigrations.MIGRATION_ID)
                .count())
        .as("the reminder is planned as for a time set over REST")
        .isOne();
    assertThat(processEngine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys("switchDate", "switchTime", "switchZone");
  }

  @Test
  void batchWaitsUntilStartedThroughRunbookControl() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(false);
    assertThatThrownBy(() -> runbook.start(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the runbook of migration mig-1 is already running");
    assertThatThrownBy(() -> runbook.control.startBatch(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the batch of migration mig-1 is not waiting to be started");
    runbook.complete("communicateChanges");

    BpmnAwareTests.assertThat(instance).isWaitingAt("approveBatchStart");
    assertThat(runbook.migrations.status).isEqualTo(BatchStatus.CREATED);
    runbook.control.startBatch(InMemoryMigrations.MIGRATION_ID);
    runbook.runJobs();

    assertThat(runbook.migrations.status).isEqualTo(BatchStatus.SYNCING);
    BpmnAwareTests.assertThat(instance).hasPassed("startBatch").isWaitingAt("copyMailbox");
    assertThatThrownBy(() -> runbook.control.startBatch(InMemoryMigrations.MIGRATION_ID))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void namesTheTasksTheRunbookWaitsOnAndNoneOnceItMovedOn() {
    Runbook runbook = runbook("m-1");
    runbook.start(false);

    List<RunbookControl.OpenTask> open = runbook.control.openTasks(InMemoryMigrations.MIGRATION_ID);

    assertThat(open)
        .singleElement()
        .satisfies(
            task -> {
              assertThat(task.name()).isEqualTo("Communicate upcoming changes");
              assertThat(task.assignee()).isNull();
              assertThat(task.created()).isNotNull();
              assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.id()).count())
                  .isEqualTo(1);
            });
    runbook.complete("communicateChanges");
    assertThat(runbook.control.openTasks(InMemoryMigrations.MIGRATION_ID))
        .extracting(RunbookControl.OpenTask::name)
        .containsExactly("Start the migration batch");
    assertThat(runbook.control.openTasks("no-such-migration")).isEmpty();
  }

  @Test
  void mailsTheLicenceReminderBeforeTheDeadlineWhileLicencesAreOpen() {
    Runbook runbook = runbook("m-1");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    assertThat(runbook.variable(instance, "licenceDeadlineAt"))
        .isEqualTo(Runbook.START.plus(Duration.ofDays(30)).toString());
    assertThat(runbook.timer("licenceReminderDue").getDuedate().toInstant())
        .isEqualTo(Runbook.START.plus(Duration.ofDays(23)));

    runbook.fire("licenceReminderDue");

    assertThat(runbook.ports.calls).contains("licenceReminder");
    assertThat(runbook.ports.licenceCalls).containsExactly("offer", "check");
    assertThat((String) runbook.variable(instance, "usersWithoutLicence"))
        .isEqualTo(
            "1 users still without a licence / brugere mangler stadig en licens:\n"
                + "- anna@contoso.com");
    BpmnAwareTests.assertThat(instance)
        .hasPassed("licenceReminderSent")
        .isWaitingAt("assignLicences");
    // completed without touching the choice: the preselected licence of the migration is kept,
    // which every user holds since it was created
    runbook.complete("assignLicences", Map.of());
    BpmnAwareTests.assertThat(instance).hasPassed("cutOverStarted");
    assertThat(runbook.ports.licenceCalls)
        .containsExactly("offer", "check", "assign " + RecordingPorts.EXCHANGE.skuId());
    assertThat(runbook.variable(instance, "licenceFailures")).isEqualTo(0);
  }

  @Test
  void theLicenceTaskPreselectsTheMigrationsLicenceWhichEveryUserHoldsSinceProvisioning() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    String taskId = runbook.task("assignLicences").getId();
    Map<String, Object> shown = processEngine.getTaskService().getVariablesLocal(taskId);
    assertThat(shown)
        .containsEntry("licenceChoiceOffered", true)
        .containsEntry(
            "migrationLicence", "Exchange Online (Plan 1) (EXCHANGESTANDARD): 12 of 25 free");
    assertThat(shown.get("licenceOptions").toString())
        .contains(
            "\"label\":\"Exchange Online (Plan 1) (EXCHANGESTANDARD): 12 of 25 free"
                + LicenceTask.MIGRATION_LICENCE_MARK
                + "\"",
            "\"label\":\"Microsoft 365 E3 (SPE_E3): 1 of 10 free\"");
    // the form's select shows the value Tasklist reads from the task's variables
    assertThat(processEngine.getTaskService().getVariable(taskId, "chosenLicence"))
        .isEqualTo(RecordingPorts.EXCHANGE.skuId());
    assertThat(shown).doesNotContainKey("chosenLicence");

    runbook.complete(
        "assignLicences",
        Map.of(
            "chosenLicence", processEngine.getTaskService().getVariable(taskId, "chosenLicence")));

    BpmnAwareTests.assertThat(instance)
        .hasPassed("assignChosenLicence", "licencesComplete", "cutOverStarted");
    assertThat((String) runbook.variable(instance, "licenceReport"))
        .startsWith("Licence EXCHANGESTANDARD: assigned to 0, already held by 2, failed for 0");
    assertThat(runbook.variable(instance, "licenceFailures")).isEqualTo(0);
  }

  @Test
  void theLicenceTaskOffersTheTenantsLicencesAndAssignsTheChosenOne() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    Map<String, Object> shown =
        processEngine.getTaskService().getVariablesLocal(runbook.task("assignLicences").getId());
    assertThat(shown).containsEntry("licenceChoiceOffered", true);
    assertThat(shown.get("licenceOptions").toString())
        .contains(
            "\"label\":\"Microsoft 365 E3 (SPE_E3): 1 of 10 free\"",
            "\"value\":\"" + RecordingPorts.SUITE.skuId() + "\"",
            "\"value\":\"NONE\"");

    assertThatThrownBy(() -> runbook.complete("assignLicences", Map.of("chosenLicence", "SPE_E5")))
        .hasMessageContaining("is not one of the tenant's licences");
    runbook.ports.licenceFailsOnce.add("m-2@contoso.com");
    runbook.complete("assignLicences", Map.of("chosenLicence", RecordingPorts.SUITE.skuId()));

    // one user failed: the follow-up task shows why and offers the licences again, none chosen
    BpmnAwareTests.assertThat(instance).hasPassed("assignChosenLicence").isWaitingAt("fixLicences");
    assertThat(runbook.variable(instance, "licenceFailures")).isEqualTo(1);
    assertThat((String) runbook.variable(instance, "licenceReport"))
        .startsWith("Licence SPE_E3: assigned to 1, already held by 0, failed for 1")
        .contains("- m-2@contoso.com: No free licence SPE_E3 is left");
    String fix = runbook.task("fixLicences").getId();
    assertThat(processEngine.getTaskService().getVariable(fix, "chosenLicence")).isNull();
    assertThat(processEngine.getTaskService().getVariablesLocal(fix))
        .doesNotContainKey("migrationLicence");
    runbook.complete("fixLicences", Map.of("chosenLicence", RecordingPorts.SUITE.skuId()));

    BpmnAwareTests.assertThat(instance)
        .hasPassed("licencesComplete", "cutOverStarted")
        .isWaitingAt("oldMxTtlRunOut");
    assertThat(runbook.ports.licenceCalls)
        .containsExactly(
            "offer",
            "assign " + RecordingPorts.SUITE.skuId(),
            "offer",
            "assign " + RecordingPorts.SUITE.skuId());
    assertThat(runbook.variable(instance, "licenceFailures")).isEqualTo(0);
  }

  @Test
  void aTargetWithoutLicencesAsksOnlyForTheConfirmation() {
    Runbook runbook = runbook("m-1");
    runbook.ports.licenceChoice =
        new LicenceChoice.NotOffered("An IMAP host has no licences: check on the target.");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    Map<String, Object> shown =
        processEngine.getTaskService().getVariablesLocal(runbook.task("assignLicences").getId());
    assertThat(shown)
        .containsEntry("licenceChoiceOffered", false)
        .containsEntry("licenceNote", "An IMAP host has no licences: check on the target.")
        .doesNotContainKey("licenceOptions");

    runbook.complete(
        "assignLicences",
        Map.of("licencesAssigned", true, "chosenLicence", RecordingPorts.EXCHANGE.skuId()));

    BpmnAwareTests.assertThat(instance).hasPassed("cutOverStarted");
    assertThat(runbook.ports.licenceCalls).containsExactly("offer");
  }

  @Test
  void mailboxesThatFailPreflightWaitForTheAdministratorBeforeAnyoneIsTold() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    runbook.migrations.failingPreflight.add("m-2");
    ProcessInstance instance = runbook.start(true);

    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewPreflight");
    assertThat(runbook.variable(instance, "preflightFailures")).isEqualTo(1);
    assertThat((String) runbook.variable(instance, "preflightReport"))
        .isEqualTo("- m-2: source: no such user\n");
    assertThat(runbook.ports.calls).doesNotContain("announcement");

    // Not excluded: preflight checks again, and asks again while the mailbox still fails.
    runbook.complete("reviewPreflight", Map.of("excludeFailingMailboxes", false));
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewPreflight");
    assertThat(runbook.ports.calls).filteredOn("checkMailboxes"::equals).hasSize(2);
    assertThat(runbook.migrations.mailboxIds(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("m-1", "m-2", "m-3");
  }

  @Test
  void aLargeBatchIsCheckedInStepsThatEachEndWithinTheJobLock() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    runbook.migrations.failingPreflight.add("m-3");
    runbook.ports.preflightSteps = 3;
    ProcessInstance instance = runbook.start(true);

    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewPreflight");
    // the endpoints are tested once per round; every step is a job of its own
    assertThat(runbook.ports.calls)
        .filteredOn(call -> call.startsWith("checkMailboxes"))
        .containsExactly("checkMailboxes", "checkMailboxes again", "checkMailboxes again");
    assertThat(runbook.ports.calls).filteredOn("testSourceEndpoint"::equals).hasSize(1);
    assertThat(
            runbook
                .engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(instance.getId())
                .activityId("runPreflight")
                .count())
        .isEqualTo(3);
    assertThat((String) runbook.variable(instance, "preflightReport"))
        .isEqualTo("- m-3: source: no such user\n");

    // a new round after the administrator's answer starts from the first mailbox again
    runbook.complete("reviewPreflight", Map.of("excludeFailingMailboxes", false));
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewPreflight");
    assertThat(runbook.ports.calls).filteredOn("checkMailboxes"::equals).hasSize(2);
    assertThat(runbook.ports.calls).filteredOn("testSourceEndpoint"::equals).hasSize(2);
  }

  @Test
  void excludedMailboxesLeaveTheBatchAndItStartsWithoutThem() {
    Runbook runbook = runbook("m-1", "m-2", "m-3");
    runbook.migrations.failingPreflight.add("m-2");
    ProcessInstance instance = runbook.start(true);
    BpmnAwareTests.assertThat(instance).isWaitingAt("reviewPreflight");

    runbook.complete("reviewPreflight", Map.of("excludeFailingMailboxes", true));

    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder("reviewPreflight", "applyPreflightDecision", "runPreflight")
        .isWaitingAt("communicateChanges");
    assertThat(runbook.variable(instance, "preflightFailures")).isEqualTo(0);
    assertThat(runbook.variable(instance, "excludeFailingMailboxes")).isNull();
    runbook.complete("communicateChanges");
    assertThat(runbook.openSyncTasks()).isEqualTo(2);
    assertThat(runbook.migrations.mailboxIds(InMemoryMigrations.MIGRATION_ID))
        .containsExactly("m-1", "m-3");
    assertThat(runbook.migrations.journal).contains("excludeFailing [m-2]");
  }

  @Test
  void aRefusedLoginOpensATaskThatTakesAStoredCredentialAndRetriesTheStep() {
    Runbook runbook = runbook("m-1");
    runbook.ports.preflightProblem =
        LoginRefused.by(
            EndpointRole.SOURCE,
            "Login as 'migadmin' to the source server mail.contoso.com:993 was refused: NO"
                + " [AUTHENTICATIONFAILED] Authentication failed.");
    ProcessInstance instance = runbook.startOnly(true);

    // Only the message leaves the step (RunbookStep): it names the refused login.
    assertThatThrownBy(runbook::runJobs)
        .isInstanceOf(StepNeedsAdministrator.class)
        .hasMessageStartingWith("Login refused by the source: ");

    assertThat(runbook.continuation("runPreflight").getRetries()).isZero();
    String taskId = runbook.task("replaceRefusedLogin").getId();
    Map<String, Object> shown = processEngine.getTaskService().getVariables(taskId);
    assertThat(shown).containsEntry("refusedSide", "source");
    assertThat((String) shown.get("refusedLogin"))
        .startsWith("Login refused by the source: Login as 'migadmin' to the source server")
        .contains("NO [AUTHENTICATIONFAILED] Authentication failed.")
        .contains("PUT /api/migrations/{id}/credentials/source");
    assertThat(runbook.ports.calls).doesNotContain("announcement");

    // An id that names no stored credential (a password typed in, say) is refused; the task stays.
    assertThatThrownBy(
            () ->
                processEngine
                    .getTaskService()
                    .complete(taskId, Map.of("replacementCredentialId", "not-a-stored-id")))
        .hasStackTraceContaining("POST /api/credentials");
    assertThat(runbook.credentials.replaced).isEmpty();
    assertThat(runbook.task("replaceRefusedLogin").getId()).isEqualTo(taskId);

    String stored = "3f1c2a4e-0b7d-4e8a-9c51-2d6f8e0a7b13";
    runbook.credentials.stored.add(stored);
    runbook.complete("replaceRefusedLogin", Map.of("replacementCredentialId", stored));

    assertThat(runbook.credentials.replaced)
        .containsExactly(InMemoryMigrations.MIGRATION_ID + " SOURCE " + stored);
    assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder("loginRefused", "replaceRefusedLogin", "refusedLoginReplaced")
        .hasPassed("runPreflight")
        .isWaitingAt("communicateChanges");
  }

  @Test
  void aPassRefusedItsLoginOpensOneTaskAndTheReplacementRunsThePassAgain() {
    Runbook runbook = runbook("m-1", "m-2");
    runbook.migrations.refusingTargetLogin("m-2", SyncMode.INITIAL);
    ProcessInstance instance = runbook.start(true);
    runbook.complete("communicateChanges");

    runbook.workSyncTasks();

    ExternalTask failed =
        processEngine.getExternalTaskService().createExternalTaskQuery().singleResult();
    assertThat(failed.getRetries()).isZero();
    Map<String, Object> shown =
        processEngine.getTaskService().getVariables(runbook.task("replaceRefusedLogin").getId());
    assertThat(shown).containsEntry("refusedSide", "target");
    assertThat((String) shown.get("refusedLogin"))
        .startsWith("Login refused by the target: Login as 'm-2'");

    String stored = "0b7d3f1c-2a4e-4e8a-9c51-2d6f8e0a7b13";
    runbook.credentials.stored.add(stored);
    runbook.complete("replaceRefusedLogin", Map.of("replacementCredentialId", stored));
    assertThat(runbook.credentials.replaced)
        .containsExactly(InMemoryMigrations.MIGRATION_ID + " TARGET " + stored);
    runbook.advance(Duration.ofSeconds(1));
    assertThat(runbook.workSyncTasks()).isEqualTo(1);

    BpmnAwareTests.assertThat(instance).isWaitingAt("assignLicences");
    assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void aStepThatNeedsTheAdministratorBecomesAnIncidentAtOnce() {
    Runbook runbook = runbook("m-1");
    runbook.ports.preflightProblem = RecordingPorts.certificateNotTrusted();
    ProcessInstance instance = runbook.startOnly(true);

    assertThatThrownBy(runbook::runJobs).isInstanceOf(StepNeedsAdministrator.class);

    Job preflight = runbook.continuation("runPreflight");
    assertThat(preflight.getRetries()).isZero();
    Incident incident = processEngine.getRuntimeService().createIncidentQuery().singleResult();
    assertThat(incident.getActivityId()).isEqualTo("runPreflight");
    assertThat(incident.getIncidentMessage())
        .isEqualTo(
            "The certificate of mail.contoso.com is not trusted; import its issuer and retry");

    // Nobody has been told yet: the announcement waits behind the preflight.
    assertThat(runbook.ports.calls).doesNotContain("announcement");
    processEngine.getManagementService().setJobRetries(preflight.getId(), 1);
    runbook.runJobs();
    assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    BpmnAwareTests.assertThat(instance).hasPassed("runPreflight").isWaitingAt("communicateChanges");
    runbook.complete("communicateChanges");
    BpmnAwareTests.assertThat(instance).isWaitingAt("copyMailbox");
  }

  @Test
  void aPassingTroubleIsRetriedOnTheStepRetryCycleWithOurMessageOnly() {
    Runbook runbook = runbook("m-1");
    runbook.ports.preflightProblem =
        new TransientStepFailure(
            "graph.microsoft.com did not answer",
            new IllegalStateException("token eyJhbGciOi... rejected"));
    ProcessInstance instance = runbook.startOnly(true);

    assertThatThrownBy(runbook::runJobs).isInstanceOf(TransientStepFailure.class);

    Job preflight = runbook.continuation("runPreflight");
    assertThat(preflight.getRetries()).isEqualTo(4);
    assertThat(preflight.getExceptionMessage()).isEqualTo("graph.microsoft.com did not answer");
    assertThat(processEngine.getManagementService().getJobExceptionStacktrace(preflight.getId()))
        .doesNotContain("eyJhbGciOi");
    assertThat(processEngine.getRuntimeService().createIncidentQuery().count()).isZero();
    assertThat(preflight.getDuedate().toInstant())
        .isEqualTo(runbook.now().plus(Duration.ofMinutes(5)));
    runbook.runJobs();
    BpmnAwareTests.assertThat(instance).isWaitingAt("runPreflight");

    runbook.advance(Duration.ofMinutes(5));
    runbook.runJobs();
    BpmnAwareTests.assertThat(instance).hasPassed("runPreflight").isWaitingAt("communicateChanges");
  }

  @Test
  void aRetriedBatchStartRecordsTheSameLicenceDeadline() {
    Runbook runbook = runbook("m-1");
    doThrow(new TransientStepFailure("The database did not answer"))
        .doNothing()
        .when(runbook.letters)
        .recordLicenceDeadline(any(), any());
    ProcessInstance instance = runbook.start(true);
    processEngine.getTaskService().complete(runbook.task("communicateChanges").getId());
    assertThatThrownBy(runbook::runJobs).isInstanceOf(TransientStepFailure.class);

    runbook.advance(Duration.ofMinutes(5));
    runbook.runJobs();

    BpmnAwareTests.assertThat(instance).hasPassed("startBatch").isWaitingAt("copyMailbox");
    LocalDate deadline = LocalDate.parse("2026-04-01");
    verify(runbook.letters, times(2))
        .recordLicenceDeadline(InMemoryMigrations.MIGRATION_ID, deadline);
    assertThat((String) runbook.variable(instance, "licenceDeadlineAt")).startsWith("2026-04-01T");
  }

  @Test
  void anUnexpectedFaultIsRetriedWithoutItsOwnMessage() {
    Runbook runbook = runbook("m-1");
    runbook.ports.preflightProblem = new IllegalArgumentException("password=hunter2 refused");
    runbook.startOnly(true);

    assertThatThrownBy(runbook::runJobs).isInstanceOf(TransientStepFailure.class);

    Job preflight = runbook.continuation("runPreflight");
    assertThat(preflight.getExceptionMessage())
        .startsWith("Step 'Run preflight checks' failed unexpectedly (IllegalArgumentException)")
        .doesNotContain("hunter2");
    assertThat(processEngine.getManagementService().getJobExceptionStacktrace(preflight.getId()))
        .doesNotContain("hunter2");
  }

  @Test
  void aMissingCapabilityStopsTheStepWithAnIncidentNamingIt() {
    Runbook runbook = runbook("m-1");
    Mocks.register(
        "runPreflight",
        new RunPreflight(
            Runbook.none(TargetTenant.class),
            Runbook.provider(MailboxSyncEngine.class, runbook.ports)));
    runbook.startOnly(true);

    assertThatThrownBy(runbook::runJobs).isInstanceOf(StepNeedsAdministrator.class);

    assertThat(
            processEngine
                .getRuntimeService()
                .createIncidentQuery()
                .singleResult()
                .getIncidentMessage())
        .isEqualTo(
            "Cutover has no target capability configured (no TargetTenant); configure it, restart"
                + " Cutover and retry this step in Cockpit");
  }

  // ---------------------------------------------------------------- the planned switch

  private static final java.time.ZoneId COPENHAGEN = java.time.ZoneId.of("Europe/Copenhagen");

  /** Plans the switch at this moment, given in Copenhagen time. */
  private static org.cutover.migration.schedule.PlannedSwitch plan(Runbook runbook, Instant at) {
    java.time.ZonedDateTime local = at.atZone(COPENHAGEN);
    return runbook.switchTimes.plan(
        InMemoryMigrations.MIGRATION_ID,
        new org.cutover.migration.schedule.SwitchTime(
            local.toLocalDate(), local.toLocalTime(), COPENHAGEN.getId()),
        "$",
        "admin");
  }

  private static void announcementSent(Runbook runbook) {
    org.mockito.Mockito.when(
            runbook.letters.deliveries(
                org.mockito.ArgumentMatchers.anyString(),
                org.mockito.ArgumentMatchers.eq(LetterKind.ANNOUNCEMENT)))
        .thenReturn(
            List.of(
                new org.cutover.migration.LetterDelivery(
                    "d-1",
                    InMemoryMigrations.MIGRATION_ID,
                    LetterKind.ANNOUNCEMENT,
                    "anna@contoso.com",
                    "m-1",
                    "Anna",
                    org.cutover.migration.DeliveryStatus.SENT,
                    1,
                    null,
                    Runbook.START,
                    Runbook.START)));
  }

  private long letterPlans() {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processDefinitionKey(SwitchLetterPlan.PROCESS_KEY)
        .count();
  }

  @Test
  void swapsMxAtThePlannedSwitchAndNotBeforeAfterRemindingEveryUser() {
    Runbook runbook = runbook("m-1", "m-2");
    ProcessInstance instance = runbook.start(true);
    Instant switchAt = Runbook.START.plus(Duration.ofDays(5)).plus(Duration.ofHours(9));
    plan(runbook, switchAt);
    runbook.runToLicences();
    runbook.complete("assignLicences");

    BpmnAwareTests.assertThat(instance).isWaitingAt("switchWait").hasNotPassed("swapMx");
    assertThat(runbook.timer("switchTimeReached").getDuedate().toInstant()).isEqualTo(switchAt);
    assertThat(runbook.timer("switchReminderDue").getDuedate().toInstant())
        .isEqualTo(switchAt.minus(Duration.ofDays(1)));
    runbook.fire("switchReminderDue");
    assertThat(runbook.ports.calls).contains("switchReminder 0").doesNotContain("switchUpdate 0");
    assertThat(runbook.dns.swappedAt).isNull();
    assertThat(
            processEngine
                .getManagementService()
                .createJobQuery()
                .activityId("switchTimeReached")
                .executable()
                .count())
        .isZero();

    runbook.fire("switchTimeReached");

    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder("switchPlanned", "switchTimeReached", "checkSwitchReadiness", "swapMx")
        .isWaitingAt("finalWaitOver");
    assertThat(runbook.dns.swappedAt).isAfterOrEqualTo(switchAt);
    assertThat(runbook.variable(instance, "switchReadiness")).isEqualTo("READY");
    assertThat(letterPlans()).isZero();
  }

  @Test
  void withoutAPlannedSwitchTheSwapComesOnceLicencesAreAssigned() {
    Runbook runbook = runbook("m-1");
    ProcessInstance instance = runbook.start(true);
    runbook.runToLicences();
    runbook.runToFinalWait();
    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder("cutOverStarted", "switchPlanned", "swapMx")
        .hasNotPassed("switchWait", "checkSwitchReadiness");
  }

  @Test
  void aMovedSwitchTimeArmsTheWaitAgainAndMailsOneUpdatePerMove() {
    Runbook runbook = runbook("m-1", "m-2");
    announcementSent(runbook);
    ProcessInstance instance = runbook.start(true);
    Instant first = Runbook.START.plus(Duration.ofDays(3));
    plan(runbook, first);
    runbook.runJobs();
    runbook.runToLicences();
    runbook.complete("assignLicences");
    assertThat(runbook.timer("switchTimeReached").getDuedate().toInstant()).isEqualTo(first);

    Instant later = first.plus(Duration.ofDays(2));
    plan(runbook, later);
    runbook.runJobs();
    assertThat(runbook.timer("switchTimeReached").getDuedate().toInstant()).isEqualTo(later);
    plan(runbook, later);
    runbook.runJobs();
    Instant earlier = first.minus(Duration.ofDays(1));
    plan(runbook, earlier);
    runbook.runJobs();

    assertThat(runbook.timer("switchTimeReached").getDuedate().toInstant()).isEqualTo(earlier);
    assertThat(runbook.timer("switchReminderDue").getDuedate().toInstant())
        .isEqualTo(earlier.minus(Duration.ofDays(1)));
    assertThat(letterPlans()).isOne();
    assertThat(runbook.ports.calls)
        .filteredOn(call -> call.startsWith("switchUpdate"))
        .containsExactly("switchUpdate 0", "switchUpdate 1", "switchUpdate 2");
    BpmnAwareTests.assertThat(instance).hasPassed("switchTimeMoved");

    runbook.fire("switchTimeReached");
    BpmnAwareTests.assertThat(instance).hasPassed("swapMx").isWaitingAt("finalWaitOver");
    assertThat(runbook.dns.swappedAt).isAfterOrEqualTo(earlier).isBefore(first);
  }

  @Test
  void aTimeMovedLaterWhileTheReadinessCheckWaitsIsWaitedForAgain() {
    Runbook runbook = runbook("m-1");
    ProcessInstance instance = runbook.start(true);
    Instant first = Runbook.START.plus(Duration.ofDays(3));
    plan(runbook, first);
    runbook.runToLicences();
    runbook.complete("assignLicences");
    Job timer = runbook.timer("switchTimeReached");
    ClockUtil.setCurrentTime(java.util.Date.from(first.plusSeconds(1)));
    processEngine.getManagementService().executeJob(timer.getId());
    BpmnAwareTests.assertThat(instance).isWaitingAt("checkSwitchReadiness");

    Instant later = first.plus(Duration.ofHours(6));
    plan(runbook, later);
    runbook.runJobs();

    assertThat(runbook.variable(instance, "switchReadiness")).isEqualTo("NOT_DUE");
    BpmnAwareTests.assertThat(instance).isWaitingAt("switchWait").hasNotPassed("swapMx");
    assertThat(runbook.timer("switchTimeReached").getDuedate().toInstant()).isEqualTo(later);
    assertThat(runbook.hasTimer("switchReminderDue")).as("6 hours ahead: no reminder").isFalse();
    runbook.fire("switchTimeReached");
    BpmnAwareTests.assertThat(instance).hasPassed("swapMx");
  }

  @Test
  void aMailboxStillFailingAtTheSwitchTimeOpensATaskThatPostponesOrSwapsAnyway() {
    Runbook runbook = runbook("m-1", "m-2");
    runbook.migrations.failing("m-2", SyncMode.INITIAL, 1);
    ProcessInstance instance = runbook.start(true);
    Instant switchAt = Runbook.START.plus(Duration.ofDays(2));
    plan(runbook, switchAt);
    runbook.runToLicences();
    // The administrator lets the batch go on with m-2 failed; the review does not come back.
    runbook.complete(
        "reviewFailedMailboxes", Map.of("failedMailboxesChoice", ApplyFailedMailboxChoice.KEEP));
    BpmnAwareTests.assertThat(instance)
        .hasPassed("applyFailedMailboxChoice")
        .isWaitingAt("assignLicences");
    assertThat(runbook.variable(instance, "batchStatus")).isEqualTo("SYNCED_WITH_ERRORS");
    assertThat(runbook.migrations.mailbox("m-2").status).isEqualTo(MailboxStatus.FAILED);
    runbook.complete("assignLicences");
    runbook.fire("switchTimeReached");

    BpmnAwareTests.assertThat(instance).isWaitingAt("decideSwitch").hasNotPassed("swapMx");
    assertThat(runbook.dns.swappedAt).isNull();
    assertThat(runbook.taskVariables("decideSwitch"))
        .containsEntry("switchBlockers", "m-2 failed its last sync")
        .containsEntry("newSwitchZone", "Europe/Copenhagen")
        .containsKey("plannedSwitchShown");

    assertThatThrownBy(
            () ->
                runbook.complete(
                    "decideSwitch",
                    Map.of(
                        "switchChoice", "POSTPONE",
                        "newSwitchDate", "2026-03-01",
                        "newSwitchTime", "09:00",
                        "newSwitchZone", "Europe/Copenhagen")))
        .hasMessageContaining("date: must be in the future");
    BpmnAwareTests.assertThat(instance).isWaitingAt("decideSwitch");

    java.time.ZonedDateTime next = runbook.now().plus(Duration.ofDays(1)).atZone(COPENHAGEN);
    runbook.complete(
        "decideSwitch",
        Map.of(
            "switchChoice",
            "POSTPONE",
            "newSwitchDate",
            next.toLocalDate().toString(),
            "newSwitchTime",
            next.toLocalTime().withSecond(0).withNano(0).toString(),
            "newSwitchZone",
            "Europe/Copenhagen"));
    BpmnAwareTests.assertThat(instance).isWaitingAt("switchWait");
    assertThat(runbook.switches.planned.move()).isOne();

    runbook.fire("switchTimeReached");
    BpmnAwareTests.assertThat(instance).isWaitingAt("decideSwitch");
    runbook.complete("decideSwitch", Map.of("switchChoice", "SWAP"));

    BpmnAwareTests.assertThat(instance)
        .hasPassedInOrder("decideSwitch", "switchDecided", "swapMx")
        .isWaitingAt("finalWaitOver");
    assertThat(runbook.dns.swappedAt).isNotNull();
  }

  @Test
  void licencesAssignedOnlyAfterTheSwitchTimeOpenTheTaskWhichMayCancelTheMigration() {
    Runbook runbook = runbook("m-1");
    ProcessInstance instance = runbook.start(true);
    Instant switchAt = Runbook.START.plus(Duration.ofHours(20));
    plan(runbook, switchAt);
    runbook.runToLicences();
    runbook.advance(Duration.ofDays(1));
    runbook.complete("assignLicences");
    runbook.runDueTimers();

    BpmnAwareTests.assertThat(instance).isWaitingAt("decideSwitch");
    assertThat((String) runbook.taskVariables("decideSwitch").get("switchBlockers"))
        .contains("licences or the initial sync were not finished");
    runbook.complete("decideSwitch", Map.of("switchChoice", "CANCEL"));

    BpmnAwareTests.assertThat(instance)
        .isEnded()
        .hasPassedInOrder(
            "switchCancelled",
            "cancelChosenAtSwitch",
            "rollbackDns",
            "stopSyncing",
            "migrationCancelled")
        .hasNotPassed("swapMx");
    assertThat(runbook.migrations.phases)
        .endsWith(MigrationPhase.CANCELLING, MigrationPhase.CANCELLED);
    assertThat(runbook.migrations.status).isEqualTo(BatchStatus.STOPPED);
  }

  @Test
  void theReminderOfACancelledMigrationIsNotSent() {
    Runbook runbook = runbook("m-1");
    ProcessInstance instance = runbook.start(true);
    plan(runbook, Runbook.START.plus(Duration.ofDays(4)));
    runbook.control.cancel(InMemoryMigrations.MIGRATION_ID);
    runbook.runJobs();
    BpmnAwareTests.assertThat(instance).isEnded();

    runbook.fire("switchReminderDue");

    assertThat(runbook.ports.calls).noneMatch(call -> call.startsWith("switchReminder"));
    assertThat(letterPlans()).isZero();
  }
}
