package org.cutover.process;

import org.springframework.stereotype.Component;

/**
 * The retry cycle of every service task, {@code
 * camunda:failedJobRetryTimeCycle="${stepRetry.cycle()}"}, from {@code
 * cutover.runbook.step-retry-cycle}. Read when a step fails, so a changed setting applies to
 * running migrations too. Public because the expression language calls it.
 */
@Component("stepRetry")
public class StepRetry {

  private final String cycle;

  StepRetry(RunbookDefaults defaults) {
    this.cycle = defaults.stepRetryCycle();
  }

  public String cycle() {
    return cycle;
  }
}
