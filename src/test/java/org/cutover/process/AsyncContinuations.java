package org.cutover.process;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;

/** Runs a test engine's async continuations by hand, the way the job executor would. */
final class AsyncContinuations {

  private AsyncContinuations() {}

  /** Runs every async continuation due now, and those they lead to; timers are left alone. */
  static void runAll(ManagementService management) {
    for (int i = 0; i < 2000; i++) {
      List<Job> jobs = management.createJobQuery().messages().executable().listPage(0, 1);
      if (jobs.isEmpty()) {
        return;
      }
      management.executeJob(jobs.get(0).getId());
    }
    fail("async continuations keep coming");
  }
}
