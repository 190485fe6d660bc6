package org.cutover.process;

import static org.cutover.process.ProcessVariables.CHOSEN_LICENCE;
import static org.cutover.process.ProcessVariables.LICENCE_FAILURES;
import static org.cutover.process.ProcessVariables.LICENCE_REPORT;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.LicenceReport;
import org.cutover.migration.TargetLicences;
import org.cutover.migration.UserLicence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * "Assign the chosen licence" to every user of the batch, after a licence task. Sets {@code
 * licenceFailures} (users it could not be given) and {@code licenceReport} (a short report; every
 * user's outcome is in GET /api/migrations/{id}). No licence chosen ({@code NONE}, or none
 * offered): nothing is assigned and nothing failed.
 */
@Component("assignChosenLicence")
class AssignChosenLicence extends RunbookStep {

  /** Failures named one by one in the report; the rest are counted. */
  static final int NAMED = 10;

  /** The longest reason shown per user, and the longest report (a process variable's text). */
  static final int REASON = 250;

  static final int LONGEST = 3900;

  private static final Logger log = LoggerFactory.getLogger(AssignChosenLicence.class);

  private final ObjectProvider<TargetLicences> licences;

  AssignChosenLicence(ObjectProvider<TargetLicences> licences) {
    this.licences = licences;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    String chosen = CHOSEN_LICENCE.get(execution);
    if (chosen == null || chosen.isBlank() || LicenceTask.NONE.equals(chosen)) {
      LICENCE_FAILURES.set(execution, 0);
      LICENCE_REPORT.set(execution, null);
      log.info("Migration {}: no licence chosen, none assigned", migrationId);
      return;
    }
    LicenceReport report =
        Capabilities.require(licences, "target capability", TargetLicences.class)
            .assignLicence(migrationId, chosen);
    LICENCE_FAILURES.set(execution, report.failed().size());
    LICENCE_REPORT.set(execution, describe(report));
    // the choice is used up: a follow-up task asks again
    CHOSEN_LICENCE.set(execution, null);
    log.info(
        "Migration {}: licence {} assigned to {}, held by {}, failed for {}",
        migrationId,
        report.skuPartNumber(),
        report.assigned(),
        report.alreadyHeld(),
        report.failed().size());
  }

  static String describe(LicenceReport report) {
    StringBuilder text =
        new StringBuilder("Licence ")
            .append(report.skuPartNumber())
            .append(": assigned to ")
            .append(report.assigned())
            .append(", already held by ")
            .append(report.alreadyHeld())
            .append(", failed for ")
            .append(report.failed().size())
            .append(" (tildelt ")
            .append(report.assigned())
            .append(", havde den ")
            .append(report.alreadyHeld())
            .append(", fejlede ")
            .append(report.failed().size())
            .append(").");
    int named = 0;
    for (UserLicence failed : report.failed()) {
      if (named++ == NAMED) {
        text.append("\n- … and ").append(report.failed().size() - NAMED).append(" more");
        break;
      }
      String reason = failed.reason() == null ? "" : failed.reason();
      text.append("\n- ")
          .append(failed.emailAddress())
          .append(": ")
          .append(reason.length() <= REASON ? reason : reason.substring(0, REASON - 1) + "…");
    }
    return text.length() <= LONGEST ? text.toString() : text.substring(0, LONGEST - 1) + "…";
  }
}
