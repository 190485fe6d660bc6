package org.cutover.migration.provisioning;

import java.util.List;

/**
 * The outcome of one check at the target.
 *
 * @param missing one line per recipient with something missing ("sales@contoso.com: shared mailbox
 *     type, alias s@contoso.com"), or listed for an IMAP host
 * @param script the Exchange Online script or the IMAP list for exactly those; empty when nothing
 *     is missing
 * @param waitsForAdministrator whether the runbook waits for the administrator before it goes on
 */
public record ProvisioningReport(
    List<String> missing, String script, boolean waitsForAdministrator) {

  public ProvisioningReport {
    missing = List.copyOf(missing);
  }
}
