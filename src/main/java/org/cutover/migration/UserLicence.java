package org.cutover.migration;

import java.time.Instant;

/**
 * What became of giving one user of the batch its licence.
 *
 * @param emailAddress the user
 * @param skuId the licence's skuId
 * @param skuPartNumber the licence's part number, such as EXCHANGESTANDARD
 * @param outcome assigned, already held, or failed
 * @param reason for a failure, Microsoft's answer and what to do; else null
 * @param recordedAt when it was recorded
 */
public record UserLicence(
    String emailAddress,
    String skuId,
    String skuPartNumber,
    Outcome outcome,
    String reason,
    Instant recordedAt) {

  /** The outcome for one user. */
  public enum Outcome {
    /** Assigned by Cutover. */
    ASSIGNED,
    /** The user held it already; nothing was changed. */
    ALREADY_HELD,
    /** Microsoft 365 refused it; {@code reason} says why. */
    FAILED
  }
}
