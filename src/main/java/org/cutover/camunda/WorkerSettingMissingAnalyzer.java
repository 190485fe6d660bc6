package org.cutover.camunda;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says which worker setting is missing and what to set it to. */
class WorkerSettingMissingAnalyzer extends AbstractFailureAnalyzer<WorkerSettingMissing> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WorkerSettingMissing cause) {
    return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
  }
}
