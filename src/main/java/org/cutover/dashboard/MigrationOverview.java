package org.cutover.dashboard;

import java.time.Instant;
import java.util.List;
import org.cutover.migration.BatchProgress;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.MigrationSummary;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.reports.MigrationReports;
import org.cutover.migration.schedule.PlannedSwitch;
import org.cutover.migration.schedule.SwitchSchedule;
import org.cutover.process.RunbookControl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A migration as the dashboard shows it: where it stands on the runbook, what it waits for and whom
 * (a task in Tasklist, an incident in Cockpit, or Cutover itself), the planned switch, and its
 * batch in figures and charts.
 */
@Component
class MigrationOverview {

  private final MigrationStore store;
  private final RunbookControl runbook;
  private final ObjectProvider<SwitchSchedule> schedule;
  private final MigrationReports reports;

  MigrationOverview(
      MigrationStore store,
      RunbookControl runbook,
      ObjectProvider<SwitchSchedule> schedule,
      MigrationReports reports) {
    this.store = store;
    this.runbook = runbook;
    this.schedule = schedule;
    this.reports = reports;
  }

  /** A migration in the list: one line and its timeline. */
  public record Line(
      String id,
      String domain,
      String batchName,
      MigrationPhase phase,
      BatchStatus batchStatus,
      Instant createdAt,
      boolean ended,
      List<RunbookTimeline.Stage> timeline,
      String link) {}

  /** A task the runbook waits on, for whom, and where to work it. */
  public record Waiting(
      String name, String assignee, List<String> groups, Instant since, String link) {}

  /** A failed step that waits for an administrator, and where Cockpit shows it. */
  public record Incident(String step, String message, String link) {}

  /** A migration's page head: timeline, waits, switch and batch. */
  public record Details(
      Line line,
      List<String> currentSteps,
      List<Waiting> tasks,
      List<Incident> incidents,
      List<RunbookControl.StepProblem> retrying,
      PlannedSwitch plannedSwitch,
      Instant mxSwitchedAt,
      BatchProgress progress,
      StatusChart chart,
      CopiedChart copied,
      int mailboxes,
      String cockpit) {

    /** Steps Cutover works on by itself now: those that are not a person's task. */
    public List<String> automaticSteps() {
      List<String> people = tasks.stream().map(Waiting::name).toList();
      return currentSteps.stream().filter(step -> !people.contains(step)).toList();
    }
  }

  /** Every migration, newest first; finished and cancelled ones too. */
  List<Line> all(DashboardLinks links) {
    return store.list().stream().map(summary -> line(summary, links)).toList();
  }

  Details of(StoredMigration migration, DashboardLinks links) {
    String id = migration.id();
    List<MailboxState> mailboxes = store.mailboxes(id);
    boolean running = !RunbookTimeline.ended(migration.summary().phase());
    List<RunbookControl.StepProblem> problems = running ? runbook.stepProblems(id) : List.of();
    String cockpit =
        running && migration.processInstanceId() != null
            ? links.incidents(migration.processInstanceId())
            : null;
    return new Details(
        line(migration.summary(), links),
        running ? runbook.currentSteps(id) : List.of(),
        running
            ? runbook.openTasks(id).stream()
                .map(
                    task ->
                        new Waiting(
                            task.name(),
                            task.assignee(),
                            task.candidateGroups(),
                            task.created(),
                            links.task(task.id())))
                .toList()
            : List.of(),
        problems.stream()
            .filter(problem -> problem.retriesLeft() == 0)
            .map(problem -> new Incident(problem.step(), problem.message(), cockpit))
            .toList(),
        problems.stream().filter(problem -> problem.retriesLeft() > 0).toList(),
        schedule.stream().findFirst().flatMap(s -> s.planned(id)).orElse(null),
        migration.mxSwitchedAt(),
        BatchProgress.of(mailboxes, store.progress(id), Instant.now()),
        StatusChart.of(mailboxes),
        CopiedChart.of(reports.passes(id)),
        mailboxes.size(),
        cockpit);
  }

  private static Line line(MigrationSummary summary, DashboardLinks links) {
    return new Line(
        summary.id(),
        summary.domain(),
        summary.batchName(),
        summary.phase(),
        summary.batchStatus(),
        summary.createdAt(),
        RunbookTimeline.ended(summary.phase()),
        RunbookTimeline.of(summary.phase()),
        links.migration(summary.id()));
  }
}
