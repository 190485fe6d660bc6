package org.cutover.process;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.TransientStepFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service task of the runbook: reads variables, calls one port, writes variables. Failures leave
 * it as exceptions whose message is ours alone (a cause could echo what a mail or DNS server said,
 * and Cockpit shows the whole stack trace):
 *
 * <ul>
 *   <li>{@link TransientStepFailure}: the job is retried on the step retry cycle, then becomes an
 *       incident;
 *   <li>{@link StepNeedsAdministrator}: an incident at once ({@link AdministratorIncidents}); the
 *       administrator fixes the cause and retries the job in Cockpit;
 *   <li>anything else is a fault of ours: logged with its stack trace, retried like a transient
 *       failure.
 * </ul>
 */
abstract class RunbookStep implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(RunbookStep.class);

  @Override
  public final void execute(DelegateExecution execution) {
    String step = execution.getCurrentActivityName();
    String migrationId = ProcessVariables.MIGRATION_ID.get(execution);
    try (LogIds ids = LogIds.of(migrationId, null)) {
      runLogged(execution, step, migrationId);
    }
  }

  private void runLogged(DelegateExecution execution, String step, String migrationId) {
    try {
      run(execution);
    } catch (TransientStepFailure e) {
      log.warn(
          "Migration {}: step '{}' failed, retried later: {}", migrationId, step, e.getMessage());
      throw new TransientStepFailure(e.getMessage());
    } catch (StepNeedsAdministrator e) {
      log.warn(
          "Migration {}: step '{}' needs the administrator: {}", migrationId, step, e.getMessage());
      throw new StepNeedsAdministrator(e.getMessage());
    } catch (ProcessEngineException e) {
      throw e;
    } catch (RuntimeException e) {
      log.error("Migration {}: step '{}' failed unexpectedly", migrationId, step, e);
      throw new TransientStepFailure(
          "Step '"
              + step
              + "' failed unexpectedly ("
              + e.getClass().getSimpleName()
              + "); the Cutover log of migration "
              + migrationId
              + " has the details. The step is retried.");
    }
  }

  abstract void run(DelegateExecution execution);
}
