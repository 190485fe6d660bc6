package org.cutover.migration;

import java.util.List;

/**
 * What the licence assignment of a batch came to.
 *
 * @param skuPartNumber the licence assigned
 * @param assigned users given it now
 * @param alreadyHeld users that held it already
 * @param failed users it could not be given, each with the reason
 */
public record LicenceReport(
    String skuPartNumber, int assigned, int alreadyHeld, List<UserLicence> failed) {

  public LicenceReport {
    failed = List.copyOf(failed);
  }
}
