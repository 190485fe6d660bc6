package org.cutover.process;

import static org.cutover.process.ProcessVariables.LANGUAGE;
import static org.cutover.process.ProcessVariables.LATE_MAIL_SUMMARY;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.watch.LateMailWatch;
import org.springframework.stereotype.Component;

/**
 * "Forget the source": the watch period is over; the source's credentials and sync state are
 * deleted, and the summary of what the watch copied goes to the administrator's task.
 */
@Component("endLateMailWatch")
class EndLateMailWatch extends RunbookStep {

  /** The summary in the task stays small; GET /api/migrations/{id} has every mailbox. */
  static final int MAX_SUMMARY = 3500;

  private final LateMailWatch watch;

  EndLateMailWatch(LateMailWatch watch) {
    this.watch = watch;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    LATE_MAIL_SUMMARY.set(
        execution,
        capped(
            watch
                .end(migrationId)
                .summary(java.util.Locale.forLanguageTag(LANGUAGE.getOrDefault(execution, "en"))),
            "GET /api/migrations/" + migrationId));
  }

  static String capped(String text, String whereTheRestIs) {
    if (text.length() <= MAX_SUMMARY) {
      return text;
    }
    int cut = text.lastIndexOf('\n', MAX_SUMMARY);
    return text.substring(0, cut < 0 ? MAX_SUMMARY : cut)
        + "\n... (the rest is in "
        + whereTheRestIs
        + ")";
  }
}
