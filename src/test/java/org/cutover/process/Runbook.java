package org.cutover.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.cutover.migration.LetterDesk;
import org.cutover.migration.LetterPreview;
import org.cutover.migration.schedule.SwitchLetterSettings;
import org.cutover.notify.LetterKind;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/**
 * The runbook process on a plain engine, with the real delegates and worker over test doubles of
 * the migration package's ports. Time is the engine clock; timers fire when a test moves it.
 */
final class Runbook {

  static final Instant START = Instant.parse("2026-03-02T08:00:00Z");
  static final List<String> SYNC_VARIABLES = List.of("migrationId", "mailboxId", "syncMode");

  final ProcessEngine engine;
  final InMemoryMigrations migrations;
  final ScriptedDnsRunbook dns = new ScriptedDnsRunbook();
  final RecordingPorts ports = new RecordingPorts();
  final ScriptedMxProofs mxProofs = new ScriptedMxProofs();
  final ScriptedTargetProvisioning provisioning = new ScriptedTargetProvisioning();
  final LetterDesk letters = letterDesk();
  final InMemorySwitchSchedule switches;
  final SwitchTimeControl switchTimes;
  final RecordedWatchAndWayBack watch = new RecordedWatchAndWayBack();
  final RunbookDefaults defaults;
  final CamundaRunbookControl control;
  final MailboxSyncWorker worker;
  final RecordedCredentials credentials = new RecordedCredentials();
  private final EngineExternalTasks externalTasks;
  private final ManagementService management;

  Runbook(ProcessEngine engine, InMemoryMigrations migrations, RunbookDefaults defaults) {
    this.engine = engine;
    this.migrations = migrations;
    this.defaults = defaults;
    this.management = engine.getManagementService();
    this.control = new CamundaRunbookControl(engine);
    this.worker = new MailboxSyncWorker(migrations, defaults.syncLockDuration(), engineClock());
    this.externalTasks = new EngineExternalTasks(engine);
    this.switches = new InMemorySwitchSchedule(migrations);
    this.switchTimes =
        new SwitchTimeControl(
            switches,
            engine,
            new SwitchLetterPlan(engine, letters, new SwitchLetterSettings(Duration.ofDays(1))));
    ClockUtil.setCurrentTime(Date.from(START));
    registerBeans();
  }

  static RunbookDefaults defaults(int txtMaxAttempts, int finalSyncMaxRounds) {
    return new RunbookDefaults(
        Duration.ofMinutes(15),
        txtMaxAttempts,
        Duration.ofMinutes(15),
        Duration.ofHours(24),
        Duration.ofHours(72),
        Duration.ofDays(30),
        Duration.ofDays(7),
        "R5/PT5M",
        finalSyncMaxRounds,
        Duration.ofMinutes(10));
  }

  private void registerBeans() {
    ObjectProvider<org.cutover.migration.DnsRunbook> dnsPort =
        provider(org.cutover.migration.DnsRunbook.class, dns);
    ObjectProvider<org.cutover.migration.TargetTenant> target =
        provider(org.cutover.migration.TargetTenant.class, ports);
    ObjectProvider<org.cutover.migration.UserLetters> letters =
        provider(org.cutover.migration.UserLetters.class, ports);
    ObjectProvider<org.cutover.migration.MailboxSyncEngine> sync =
        provider(org.cutover.migration.MailboxSyncEngine.class, ports);
    ObjectProvider<org.cutover.migration.TargetLicences> licences =
        provider(org.cutover.migration.TargetLicences.class, ports);
    Mocks.register(
        "registerMigration",
        new RegisterMigration(
            migrations,
            new RunbookStarts(defaults),
            new RunbookStartGuard(migrations),
            switchTimes));
    Mocks.register("sendAnnouncement", new SendAnnouncement(letters));
    Mocks.register("verifyTxtRecord", new VerifyTxtRecord(dnsPort));
    Mocks.register("runPreflight", new RunPreflight(target, sync));
    ports.mailboxChecks = migrations::preflightFailures;
    Mocks.register("applyPreflightDecision", new ApplyPreflightDecision(migrations));
    // off unless a test turns it on (approvingDnsChanges), as cutover.dns.approve-changes=false
    Mocks.register("planDnsChanges", new PlanDnsChanges(dnsPort, false));
    Mocks.register("lowerMxTtl", new LowerMxTtl(dnsPort));
    Mocks.register("createEndpoint", new CreateEndpoint(migrations));
    Mocks.register("createBatch", new CreateBatch(migrations));
    Mocks.register("checkTargetProvisioning", new CheckTargetProvisioning(provisioning));
    Mocks.register("startBatch", new StartBatch(migrations, this.letters));
    Mocks.register("provisionMailbox", new ProvisionMailbox(target));
    Mocks.register("finishInitialSync", new FinishInitialSync(migrations, migrations));
    Mocks.register("sendLicenceReminder", new SendLicenceReminder(letters, licences));
    Mocks.register("licenceTask", new LicenceTask(licences));
    Mocks.register("assignChosenLicence", new AssignChosenLicence(licences));
    Mocks.register("proveAtNewMx", new ProveAtNewMx(mxProofs));
    Mocks.register("wouldBounceReview", new WouldBounceReview(mxProofs));
    Mocks.register("swapMx", new SwapMx(dnsPort, migrations));
    Mocks.register("verifyMxPropagation", new VerifyMxPropagation(dnsPort));
    Mocks.register("verifyFinalSync", new VerifyFinalSync(migrations));
    Mocks.register("applyFailedMailboxChoice", new ApplyFailedMailboxChoice(migrations));
    Mocks.register("deleteBatch", new DeleteBatch(migrations));
    Mocks.register("createAutodiscover", new CreateAutodiscover(dnsPort));
    Mocks.register("publishSpf", new PublishSpf(dnsPort));
    Mocks.register("restoreMxTtl", new RestoreMxTtl(dnsPort));
    Mocks.register("sendWelcomeLetter", new SendWelcomeLetter(letters));
    Mocks.register("rollbackDns", new RollbackDns(dnsPort));
    Mocks.register("stopSyncing", new StopSyncing(migrations));
    Mocks.register("copyMailBack", new CopyMailBack(watch, watch));
    Mocks.register("checkLateMail", new CheckLateMail(watch));
    Mocks.register("endLateMailWatch", new EndLateMailWatch(watch));
    Mocks.register(
        "mailCancellationLetter",
        new MailCancellationLetter(
            letters,
            this.letters,
            new org.cutover.migration.letters.UserLetterSettings(null, true)));
    Mocks.register("runbookPhase", new RunbookPhase(migrations));
    Mocks.register("milestoneMail", new MilestoneMail(migrations::reachMilestone));
    Mocks.register("batchMailboxes", new BatchMailboxes(migrations, migrations, migrations));
    Mocks.register("refusedLoginReplacement", new RefusedLoginReplacement(credentials, control));
    Mocks.register("sweepGapReview", new SweepGapReview(migrations));
    Mocks.register("stepRetry", new StepRetry(defaults));
    Mocks.register("announcementReview", new AnnouncementReview(this.letters));
    Mocks.register("welcomeLetterReview", new WelcomeLetterReview(this.letters));
    Mocks.register("switchTime", new SwitchTimeExpressions(switches));
    Mocks.register("checkSwitchReadiness", new CheckSwitchReadiness(switches));
    Mocks.register("switchDecision", new SwitchDecision(switchTimes));
    Mocks.register("sendSwitchUpdate", SendSwitchLetter.update(letters, switches));
    Mocks.register("sendSwitchReminder", SendSwitchLetter.reminder(letters, switches));
  }

  /** The letters as the desk shows them, unedited, with no switch planned. */
  static LetterDesk letterDesk() {
    LetterDesk desk = mock(LetterDesk.class);
    for (LetterKind kind : List.of(LetterKind.ANNOUNCEMENT, LetterKind.WELCOME)) {
      when(desk.preview(anyString(), eq(kind))).thenReturn(preview(kind));
    }
    when(desk.plannedSwitch(anyString())).thenReturn(Optional.empty());
    return desk;
  }

  static LetterPreview preview(LetterKind kind) {
    return new LetterPreview(
        kind.slug(),
        "da",
        "Din e-mail hos contoso.com flytter (" + kind.slug() + ")",
        "Kære {{displayName}},\n\nDin postkasse {{emailAddress}} flytter.\n",
        false,
        true,
        List.of("displayName", "emailAddress", "domain", "plannedSwitch"));
  }

  static <T> ObjectProvider<T> provider(Class<T> type, Object bean) {
    return new StaticListableBeanFactory(Map.of(type.getSimpleName(), bean)).getBeanProvider(type);
  }

  static <T> ObjectProvider<T> none(Class<T> type) {
    return new StaticListableBeanFactory().getBeanProvider(type);
  }

  /** The engine clock as a {@link Clock}, for the worker's heartbeat. */
  static Clock engineClock() {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return EngineClock.now();
      }
    };
  }

  /** With cutover.dns.approve-changes on: automatic DNS changes wait for the approval task. */
  Runbook approvingDnsChanges() {
    Mocks.register(
        "planDnsChanges",
        new PlanDnsChanges(provider(org.cutover.migration.DnsRunbook.class, dns), true));
    return this;
  }

  RunbookStart startValues(boolean autoStartBatch) {
    return startValues(autoStartBatch, false);
  }

  RunbookStart startValues(boolean autoStartBatch, boolean guidedDns) {
    return new RunbookStart(
        InMemoryMigrations.MIGRATION_ID,
        "contoso.com",
        "contoso-2026",
        autoStartBatch,
        guidedDns,
        "MICROSOFT_365",
        "da",
        defaults.txtRetryWait(),
        defaults.txtMaxAttempts(),
        defaults.mxPropagationRetryWait(),
        defaults.incrementalSyncCycle(),
        defaults.finalWait(),
        defaults.licenceDeadline(),
        defaults.licenceReminderBefore(),
        defaults.finalSyncMaxRounds());
  }

  /** Starts the runbook and runs its first steps (the preflight) up to the first wait. */
  ProcessInstance start(boolean autoStartBatch) {
    ProcessInstance instance = startOnly(autoStartBatch);
    runJobs();
    return instance;
  }

  /** Starts the runbook and leaves its first asynchronous step (the preflight) waiting. */
  ProcessInstance startOnly(boolean autoStartBatch) {
    String id = control.start(startValues(autoStartBatch));
    return instance(id);
  }

  ProcessInstance instance(String id) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceId(id)
        .singleResult();
  }

  Instant now() {
    return EngineClock.now();
  }

  void advance(Duration duration) {
    ClockUtil.setCurrentTime(Date.from(now().plus(duration)));
  }

  /** Runs every async continuation due now, and those they lead to; timers are left alone. */
  void runJobs() {
    AsyncContinuations.runAll(management);
  }

  /** The one asynchronous step waiting to run at {@code activityId}. */
  Job continuation(String activityId) {
    Job job = management.createJobQuery().messages().activityId(activityId).singleResult();
    assertThat(job).as("async continuation at %s", activityId).isNotNull();
    return job;
  }

  Job timer(String activityId) {
    Job job = management.createJobQuery().timers().activityId(activityId).singleResult();
    assertThat(job).as("timer at %s", activityId).isNotNull();
    return job;
  }

  boolean hasTimer(String activityId) {
    return management.createJobQuery().timers().activityId(activityId).count() > 0;
  }

  /** Moves the engine clock just past the timer's due date, fires it and runs what follows. */
  void fire(String timerActivityId) {
    Job timer = timer(timerActivityId);
    Instant due = timer.getDuedate().toInstant().plusSeconds(1);
    if (due.isAfter(now())) {
      ClockUtil.setCurrentTime(Date.from(due));
    }
    management.executeJob(timer.getId());
    runJobs();
  }

  /** Runs the timers due now on the engine clock (a due date moved to now), and what follows. */
  void runDueTimers() {
    for (Job timer : management.createJobQuery().timers().executable().list()) {
      management.executeJob(timer.getId());
    }
    runJobs();
  }

  Task task(String taskKey) {
    Task task = engine.getTaskService().createTaskQuery().taskDefinitionKey(taskKey).singleResult();
    assertThat(task).as("user task %s", taskKey).isNotNull();
    return task;
  }

  Map<String, Object> taskVariables(String taskKey) {
    return engine.getTaskService().getVariables(task(taskKey).getId());
  }

  void complete(String taskKey) {
    complete(taskKey, Map.of());
  }

  void complete(String taskKey, Map<String, Object> variables) {
    engine.getTaskService().complete(task(taskKey).getId(), variables);
    runJobs();
  }

  /** Hands every mailbox-sync task free now to the worker, then runs what follows. */
  int workSyncTasks() {
    int worked = externalTasks.work(worker);
    runJobs();
    return worked;
  }

  long openSyncTasks() {
    return engine
        .getExternalTaskService()
        .createExternalTaskQuery()
        .topicName(MailboxSyncWorker.TOPIC)
        .count();
  }

  Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  // ---------------------------------------------------------------- walking the happy path

  /** From the start to the task "Assign licences", every step automatic. */
  void runToLicences() {
    complete("communicateChanges");
    workSyncTasks();
  }

  /** From "Assign licences" through the swap (after the old TTL ran out) to the 72-hour wait. */
  void runToFinalWait() {
    complete("assignLicences");
    fire("oldMxTtlRunOut");
  }

  /** Through the watch for late mail: every look until its period is over. */
  void runLateMailWatch() {
    while (hasTimer("lateMailCheckDue")) {
      fire("lateMailCheckDue");
    }
  }

  /** One incremental sync of every mailbox. */
  void runIncrementalSync() {
    fire("incrementalSyncDue");
    workSyncTasks();
  }
}
