package org.cutover.process;

import static org.cutover.process.ProcessVariables.CREDENTIAL_REPLACED;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.REFUSED_SIDE;
import static org.cutover.process.ProcessVariables.REPLACEMENT_CREDENTIAL_ID;

import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.logins.ReplacementRefused;
import org.cutover.migration.logins.RunningCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * "Replace the refused login and retry", when submitted: the stored credential the administrator
 * names ({@code replacementCredentialId}, an id from POST /api/credentials, never the secret)
 * becomes the one the migration signs in with at the endpoint that refused, and every failed step
 * of the runbook runs again at once. An id that names no stored credential refuses the submission
 * and the task stays open.
 */
@Component("refusedLoginReplacement")
class RefusedLoginReplacement implements TaskListener, TaskFormReceiver {

  private static final Logger log = LoggerFactory.getLogger(RefusedLoginReplacement.class);

  private final RunningCredentials credentials;
  private final RunbookControl runbook;

  RefusedLoginReplacement(RunningCredentials credentials, RunbookControl runbook) {
    this.credentials = credentials;
    this.runbook = runbook;
  }

  @Override
  public void receive(DelegateTask task) {
    replace(task);
  }

  @Override
  public void notify(DelegateTask task) {
    if (!Boolean.TRUE.equals(task.getVariableLocal(CREDENTIAL_REPLACED.name()))) {
      replace(task);
    }
  }

  private void replace(DelegateTask task) {
    String migrationId = MIGRATION_ID.require(task);
    EndpointRole side = EndpointRole.valueOf(REFUSED_SIDE.require(task).toUpperCase(Locale.ROOT));
    try {
      credentials.replace(migrationId, side, REPLACEMENT_CREDENTIAL_ID.get(task));
    } catch (ReplacementRefused refused) {
      throw new FormFieldValidationException(null, refused.getMessage());
    }
    task.setVariableLocal(CREDENTIAL_REPLACED.name(), true);
    int retried = runbook.retryFailedSteps(migrationId);
    log.info(
        "Migration {}: the refused {} login was replaced; {} failed steps retried",
        migrationId,
        side,
        retried);
  }
}
