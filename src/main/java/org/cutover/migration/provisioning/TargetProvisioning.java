package org.cutover.migration.provisioning;

import java.util.Map;
import java.util.Optional;

/** Provisioning of the migration's recipients at its target, checked before the first sync. */
public interface TargetProvisioning {

  /**
   * Reads what the target holds for every recipient, stores each one's status and the script (or
   * list) for exactly what is missing.
   *
   * @param administratorConfirmed the administrator said the script ran (or, for an IMAP host, that
   *     the listed addresses were created); an IMAP host then goes on, its addresses proven at the
   *     new MX before the swap
   */
  ProvisioningReport check(String migrationId, boolean administratorConfirmed);

  /** The last script or list; empty before the first check or when nothing was missing. */
  Optional<String> script(String migrationId);

  /** The last status of each recipient, by recipient id. */
  Map<String, RecipientProvisioning> statuses(String migrationId);
}
