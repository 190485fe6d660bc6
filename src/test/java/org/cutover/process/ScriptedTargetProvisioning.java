package org.cutover.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.migration.provisioning.ProvisioningReport;
import org.cutover.migration.provisioning.TargetProvisioning;

/**
 * Provisioning at the target for process tests: nothing is missing unless a test puts recipients in
 * {@link #missing}; the administrator "runs the script" by emptying it. Records each check with
 * whether the administrator had confirmed.
 */
final class ScriptedTargetProvisioning implements TargetProvisioning {

  final List<String> missing = new ArrayList<>();
  final List<String> checks = new ArrayList<>();

  @Override
  public ProvisioningReport check(String migrationId, boolean administratorConfirmed) {
    checks.add("check confirmed=" + administratorConfirmed);
    String script = missing.isEmpty() ? "" : "Connect-ExchangeOnline\n# " + missing + "\n";
    return new ProvisioningReport(missing, script, !missing.isEmpty());
  }

  @Override
  public Optional<String> script(String migrationId) {
    return Optional.empty();
  }

  @Override
  public Map<String, org.cutover.migration.provisioning.RecipientProvisioning> statuses(
      String migrationId) {
    return Map.of();
  }
}
