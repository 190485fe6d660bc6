package org.cutover.migration;

import java.util.List;
import java.util.Optional;

/**
 * The licences of a migration's target: what the administrator may choose, giving the chosen one to
 * every user of the batch, and who still has none. A plain IMAP host has no licences.
 */
public interface TargetLicences {

  /**
   * The licences the administrator may choose from, with their free seats.
   *
   * @throws StepNeedsAdministrator when the target cannot list them (permission missing)
   * @throws TransientStepFailure when the target cannot be reached now
   */
  LicenceChoice licenceChoice(String migrationId);

  /**
   * Gives the licence to every user of the batch and records the outcome of each (assigned, held
   * already, failed with the reason). Safe to repeat: users that hold it are left alone.
   *
   * @param skuId one of the offered licences
   * @throws StepNeedsAdministrator when the licence is not one of the target's
   * @throws TransientStepFailure when the target cannot be reached or stays throttled; what was
   *     done so far stays recorded
   */
  LicenceReport assignLicence(String migrationId, String skuId);

  /** Every user's outcome of the last assignment, by address. */
  List<UserLicence> licences(String migrationId);

  /**
   * Asks the target which users of the batch hold no licence that gives a mailbox, and records the
   * answer for the licence reminder; empty for a target without licences.
   *
   * @throws TransientStepFailure when the target cannot be reached now
   */
  Optional<List<String>> checkWithoutLicence(String migrationId);
}
