package org.cutover.migration.provisioning;

/** Where a recipient stands at the target. */
public enum ProvisioningStatus {
  /** The target holds it with every address (and type and member) it needs, read back. */
  PROVISIONED,
  /** Something is missing at the target; the script or the list names what. */
  MISSING,
  /** An IMAP host: listed for the administrator to create; the proof at the new MX checks it. */
  LISTED
}
