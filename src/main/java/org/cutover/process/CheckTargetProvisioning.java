package org.cutover.process;

import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.PROVISIONING_DONE;
import static org.cutover.process.ProcessVariables.PROVISIONING_SCRIPT;
import static org.cutover.process.ProcessVariables.TARGET_MISSING;
import static org.cutover.process.ProcessVariables.TARGET_MISSING_COUNT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.cutover.migration.provisioning.ProvisioningReport;
import org.cutover.migration.provisioning.TargetProvisioning;
import org.springframework.stereotype.Component;

/**
 * "Check the recipients at the target": provisions what Graph can and reads every recipient back;
 * sets {@code targetMissingCount} (0 lets the runbook go on), {@code targetMissing} (the first
 * recipients with what each lacks) and {@code provisioningScript} for the task that waits for the
 * administrator.
 */
@Component("checkTargetProvisioning")
class CheckTargetProvisioning extends RunbookStep {

  /** Longer scripts are cut in the form, which points at the API for the whole. */
  static final int SCRIPT_SHOWN = 20_000;

  private final TargetProvisioning provisioning;

  CheckTargetProvisioning(TargetProvisioning provisioning) {
    this.provisioning = provisioning;
  }

  @Override
  void run(DelegateExecution execution) {
    boolean confirmed = Boolean.TRUE.equals(PROVISIONING_DONE.get(execution));
    ProvisioningReport report = provisioning.check(MIGRATION_ID.require(execution), confirmed);
    TARGET_MISSING_COUNT.set(
        execution, report.waitsForAdministrator() ? report.missing().size() : 0);
    TARGET_MISSING.set(execution, VerifyFinalSync.listed(report.missing()));
    String script = report.script();
    PROVISIONING_SCRIPT.set(
        execution,
        script.length() <= SCRIPT_SHOWN
            ? script
            : script.substring(0, SCRIPT_SHOWN)
                + "\n# … cut here: GET /api/migrations/{id}/provisioning/script gives the whole"
                + " script\n");
  }
}
