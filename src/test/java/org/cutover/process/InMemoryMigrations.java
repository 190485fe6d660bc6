package org.cutover.process;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.migration.BatchLifecycle;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.DurationOverrides;
import org.cutover.migration.FinalSweep;
import org.cutover.migration.FinalSweeps;
import org.cutover.migration.InvalidMigrationSettings;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MailboxSyncRunner;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.MigrationRegistry;
import org.cutover.migration.MigrationRegistry.Registered;
import org.cutover.migration.RunbookClaims;
import org.cutover.migration.SyncMode;
import org.cutover.migration.TransientStepFailure;
import org.cutover.migration.UnsweptMailbox;
import org.cutover.migration.schedule.SwitchTime;

/**
 * The migration package as the process sees it, kept in memory: one migration, its batch and
 * mailboxes, with the time of each mailbox's last successful sync on the engine clock. Scripted
 * troubles per mailbox and sync mode; every call is journalled in order.
 */
class InMemoryMigrations
    implements BatchLifecycle,
        FinalSweeps,
        MailboxSyncRunner,
        MigrationRegistry,
        RunbookClaims,
        org.cutover.migration.failed.FailedMailboxes,
        org.cutover.migration.PreflightReports {

  static final String MIGRATION_ID = "mig-1";

  final List<String> journal = new ArrayList<>();
  final List<MigrationPhase> phases = new ArrayList<>();
  final Map<String, Mailbox> mailboxes = new LinkedHashMap<>();
  final List<Map<String, Object>> registrations = new ArrayList<>();
  BatchStatus status = BatchStatus.NOT_CREATED;
  Instant mxSwitch;

  static final class Mailbox {
    MailboxStatus status = MailboxStatus.QUEUED;
    Instant lastSuccessfulSync;
    String error;
    int syncs;
    final Map<SyncMode, Integer> transientTroubles = new EnumMap<>(SyncMode.class);
    final Map<SyncMode, Integer> refusedLogins = new EnumMap<>(SyncMode.class);
    final Map<SyncMode, Integer> failedPasses = new EnumMap<>(SyncMode.class);
  }

  InMemoryMigrations(String... mailboxIds) {
    for (String id : mailboxIds) {
      mailboxes.put(id, new Mailbox());
    }
  }

  /** The next {@code times} passes of this mode throw a transient failure. */
  InMemoryMigrations troubled(String mailboxId, SyncMode mode, int times) {
    mailboxes.get(mailboxId).transientTroubles.put(mode, times);
    return this;
  }

  /** The next pass of this mode fails because the target refuses the login. */
  InMemoryMigrations refusingTargetLogin(String mailboxId, SyncMode mode) {
    mailboxes.get(mailboxId).refusedLogins.put(mode, 1);
    return this;
  }

  /** The next {@code times} passes of this mode end with a failed report. */
  InMemoryMigrations failing(String mailboxId, SyncMode mode, int times) {
    mailboxes.get(mailboxId).failedPasses.put(mode, times);
    return this;
  }

  Mailbox mailbox(String id) {
    return mailboxes.get(id);
  }

  /** Mailboxes preflight finds failing, until they are excluded. */
  final java.util.Set<String> failingPreflight = new java.util.LinkedHashSet<>();

  /** What the mailbox preflight reports as failing now, for the engine's test double. */
  List<org.cutover.migration.MailboxCheck> preflightFailures(String migrationId) {
    return failingPreflight.stream()
        .map(
            id ->
                new org.cutover.migration.MailboxCheck(
                    id, null, null, null, null, "source: no such user", false, Instant.EPOCH))
        .toList();
  }

  @Override
  public List<org.cutover.migration.MailboxCheck> report(String migrationId) {
    return preflightFailures(migrationId);
  }

  @Override
  public List<String> excludeFailing(String migrationId) {
    List<String> excluded = List.copyOf(failingPreflight);
    log("excludeFailing " + excluded);
    excluded.forEach(mailboxes::remove);
    failingPreflight.clear();
    return excluded;
  }

  private void log(String event) {
    journal.add(event);
  }

  // ---------------------------------------------------------------- MigrationRegistry

  @Override
  public Registered registerFromForm(Map<String, Object> formValues) {
    registrations.add(new HashMap<>(formValues));
    List<String> problems = new ArrayList<>();
    Object domain = formValues.get("domain");
    if (!(domain instanceof String text) || !text.contains(".")) {
      problems.add("Domain '" + domain + "' is not a domain name; enter it like contoso.com");
    }
    Object list = formValues.get("mailboxes");
    if (!(list instanceof String text) || text.isBlank()) {
      problems.add("No mailboxes listed; enter one address per line");
    }
    if (!problems.isEmpty()) {
      throw new InvalidMigrationSettings(problems);
    }
    log("registerFromForm");
    return registered(formValues);
  }

  /** What the registry makes of the form's values, read here as simply as the tests need. */
  static Registered registered(Map<String, Object> formValues) {
    return new Registered(
        MIGRATION_ID,
        (String) formValues.get("domain"),
        (String) formValues.get("batchName"),
        Boolean.TRUE.equals(formValues.get("autoStartBatch")),
        !"AUTOMATIC".equals(formValues.get("dnsMode")),
        (String) formValues.getOrDefault("targetType", "MICROSOFT_365"),
        (String) formValues.getOrDefault("language", "en"),
        DurationOverrides.NONE);
  }

  /** The start form's switch fields as they are, read like the registry reads them. */
  @Override
  public Optional<SwitchTime> plannedSwitch(Map<String, Object> formValues) {
    if (formValues.get("switchDate") == null) {
      return Optional.empty();
    }
    return Optional.of(
        new SwitchTime(
            LocalDate.parse((String) formValues.get("switchDate")),
            LocalTime.parse((String) formValues.get("switchTime")),
            (String) formValues.get("switchZone")));
  }

  // ---------------------------------------------------------------- RunbookClaims

  final Map<String, String> runbooks = new HashMap<>();

  @Override
  public boolean exists(String migrationId) {
    return MIGRATION_ID.equals(migrationId);
  }

  @Override
  public boolean claimRunbook(String migrationId, String processInstanceId) {
    return exists(migrationId) && runbooks.putIfAbsent(migrationId, processInstanceId) == null;
  }

  @Override
  public Optional<String> runbookOf(String migrationId) {
    return Optional.ofNullable(runbooks.get(migrationId));
  }

  // ---------------------------------------------------------------- BatchLifecycle

  /** The milestones the runbook reached, in order, as often as it told them. */
  final List<org.cutover.migration.milestones.Milestone> milestones = new ArrayList<>();

  void reachMilestone(String migrationId, org.cutover.migration.milestones.Milestone milestone) {
    milestones.add(milestone);
  }

  @Override
  public void recordPhase(String migrationId, MigrationPhase phase) {
    if (phases.isEmpty() || phases.get(phases.size() - 1) != phase) {
      phases.add(phase);
    }
  }

  @Override
  public void createEndpoint(String migrationId) {
    log("createEndpoint");
  }

  @Override
  public void createBatch(String migrationId) {
    log("createBatch");
    if (status == BatchStatus.NOT_CREATED) {
      status = BatchStatus.CREATED;
    }
  }

  @Override
  public void startBatch(String migrationId) {
    log("startBatch");
    status = BatchStatus.SYNCING;
  }

  @Override
  public List<String> everyMailboxId(String migrationId) {
    return List.copyOf(mailboxes.keySet());
  }

  @Override
  public List<String> mailboxIds(String migrationId) {
    return mailboxes.entrySet().stream()
        .filter(e -> e.getValue().status != MailboxStatus.REMOVED)
        .map(Map.Entry::getKey)
        .toList();
  }

  // ---------------------------------------------------------------- FailedMailboxes

  @Override
  public List<org.cutover.migration.failed.FailedMailbox> failedMailboxes(String migrationId) {
    return mailboxes.entrySet().stream()
        .filter(e -> e.getValue().status == MailboxStatus.FAILED)
        .map(
            e ->
                new org.cutover.migration.failed.FailedMailbox(
                    e.getKey(), e.getKey() + "@contoso.com", e.getValue().error))
        .toList();
  }

  @Override
  public List<String> excludeFailedMailboxes(String migrationId) {
    List<String> excluded =
        failedMailboxes(migrationId).stream().map(m -> m.emailAddress()).toList();
    log("excludeFailed " + excluded);
    mailboxes.values().stream()
        .filter(m -> m.status == MailboxStatus.FAILED)
        .forEach(m -> m.status = MailboxStatus.REMOVED);
    return excluded;
  }

  @Override
  public BatchStatus finishInitialSync(String migrationId) {
    log("finishInitialSync");
    boolean failed = mailboxes.values().stream().anyMatch(m -> m.status == MailboxStatus.FAILED);
    status = failed ? BatchStatus.SYNCED_WITH_ERRORS : BatchStatus.SYNCED;
    return status;
  }

  @Override
  public void recordMxSwitch(String migrationId, Instant switchedAt) {
    log("recordMxSwitch");
    mxSwitch = switchedAt;
  }

  // ---------------------------------------------------------------- FinalSweeps

  Instant sweepStarted;
  String gapAcceptedBy;
  Instant gapAcceptedAt;
  List<String> gapMailboxes;

  @Override
  public Instant start(String migrationId) {
    if (sweepStarted == null) {
      log("startFinalSweep");
      sweepStarted = EngineClock.now();
    }
    return sweepStarted;
  }

  @Override
  public List<UnsweptMailbox> unswept(String migrationId) {
    return mailboxes.entrySet().stream()
        .filter(
            e ->
                sweepStarted == null
                    || e.getValue().lastSuccessfulSync == null
                    || e.getValue().lastSuccessfulSync.isBefore(sweepStarted)
                    || e.getValue().lastSuccessfulSync.isBefore(mxSwitch))
        .map(
            e ->
                new UnsweptMailbox(
                    e.getKey(),
                    e.getKey() + "@contoso.com",
                    e.getValue().error != null ? e.getValue().error : "no pass since the sweep"))
        .toList();
  }

  @Override
  public void acceptGap(String migrationId, String acceptedBy, List<String> mailboxes) {
    log("acceptGap " + String.join(",", mailboxes));
    gapAcceptedBy = acceptedBy;
    gapAcceptedAt = EngineClock.now();
    gapMailboxes = mailboxes;
  }

  @Override
  public Optional<FinalSweep> of(String migrationId) {
    return Optional.empty();
  }

  @Override
  public void deleteBatch(String migrationId) {
    log("deleteBatch");
    status = BatchStatus.REMOVED;
  }

  @Override
  public void forgetSource(String migrationId) {
    log("forgetSource");
  }

  @Override
  public void stopBatch(String migrationId) {
    log("stopBatch");
    status = BatchStatus.STOPPED;
  }

  // ---------------------------------------------------------------- MailboxSyncRunner

  @Override
  public MailboxSyncReport run(
      String mailboxId, SyncMode mode, org.cutover.migration.TaskLock lock) {
    if (status == BatchStatus.REMOVED || status == BatchStatus.STOPPED) {
      return new MailboxSyncReport(0, 0, 0, 0, null);
    }
    Mailbox mailbox = mailboxes.get(mailboxId);
    if (lock.lostReason() != null) {
      throw new org.cutover.migration.PassStopped(lock.lostReason());
    }
    log("sync " + mode + " " + mailboxId);
    if (countDown(mailbox.refusedLogins, mode)) {
      throw org.cutover.migration.logins.LoginRefused.by(
          org.cutover.migration.EndpointRole.TARGET,
          "Login as '"
              + mailboxId
              + "' to the target server imap.target.test:993 was refused: NO"
              + " [AUTHENTICATIONFAILED] Authentication failed.");
    }
    if (countDown(mailbox.transientTroubles, mode)) {
      throw new TransientStepFailure("The source server did not answer for " + mailboxId);
    }
    if (countDown(mailbox.failedPasses, mode)) {
      mailbox.status = MailboxStatus.FAILED;
      mailbox.error = "Folder INBOX of " + mailboxId + " could not be read";
      return new MailboxSyncReport(0, 0, 0, 0, mailbox.error);
    }
    mailbox.syncs++;
    mailbox.status = MailboxStatus.SYNCED;
    mailbox.error = null;
    mailbox.lastSuccessfulSync = EngineClock.now();
    return new MailboxSyncReport(12, 3, 1, 4096, null);
  }

  private static boolean countDown(Map<SyncMode, Integer> troubles, SyncMode mode) {
    int left = troubles.getOrDefault(mode, 0);
    if (left > 0) {
      troubles.put(mode, left - 1);
      return true;
    }
    return false;
  }

  @Override
  public void markFailed(String mailboxId, String error) {
    log("markFailed " + mailboxId);
    Mailbox mailbox = mailboxes.get(mailboxId);
    mailbox.status = MailboxStatus.FAILED;
    mailbox.error = error;
  }
}
