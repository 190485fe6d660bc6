package org.cutover.process;

import static org.cutover.process.ProcessVariables.EXCLUDE_FAILING_MAILBOXES;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.PreflightReports;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After "Review the mailboxes that failed preflight": takes those mailboxes out of the batch when
 * the administrator chose to exclude them; either way preflight runs again.
 */
@Component("applyPreflightDecision")
class ApplyPreflightDecision extends RunbookStep {

  private static final Logger log = LoggerFactory.getLogger(ApplyPreflightDecision.class);

  private final PreflightReports reports;

  ApplyPreflightDecision(PreflightReports reports) {
    this.reports = reports;
  }

  @Override
  void run(DelegateExecution execution) {
    String migrationId = MIGRATION_ID.require(execution);
    if (Boolean.TRUE.equals(EXCLUDE_FAILING_MAILBOXES.get(execution))) {
      List<String> excluded = reports.excludeFailing(migrationId);
      log.info("Migration {}: excluded {} mailboxes from the batch", migrationId, excluded.size());
    }
    // A later round decides afresh.
    EXCLUDE_FAILING_MAILBOXES.remove(execution);
  }
}
