package org.cutover.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.JobRetryCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.FailedJobCommandFactory;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.cutover.migration.StepNeedsAdministrator;
import org.springframework.stereotype.Component;

/**
 * A step that fails with {@link StepNeedsAdministrator} becomes an incident at once, showing its
 * message in Cockpit: retrying alone cannot help, so the retry cycle is skipped. Every other
 * failure keeps the engine's retry handling. The administrator fixes the cause and retries the job
 * in Cockpit.
 */
@Component
class AdministratorIncidents extends AbstractProcessEnginePlugin {

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    FailedJobCommandFactory engineDefault = configuration.getFailedJobCommandFactory();
    configuration.setFailedJobCommandFactory(
        (jobId, exception) ->
            needsAdministrator(exception)
                ? new IncidentAtOnce(jobId, exception)
                : engineDefault.getCommand(jobId, exception));
  }

  static boolean needsAdministrator(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause()) {
      if (t instanceof StepNeedsAdministrator) {
        return true;
      }
    }
    return false;
  }

  /** Records the failure on the job and sets its retries to zero, which raises the incident. */
  static final class IncidentAtOnce extends JobRetryCmd implements Command<Object> {

    IncidentAtOnce(String jobId, Throwable exception) {
      super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
      JobEntity job = getJob();
      if (job != null) {
        job.unlock();
        logException(job);
        job.setRetries(0);
      }
      return null;
    }
  }
}
