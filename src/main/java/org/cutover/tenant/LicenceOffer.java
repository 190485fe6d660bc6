package org.cutover.tenant;

/**
 * A licence the tenant can give its users, from {@code GET /subscribedSkus}.
 *
 * @param skuId the SKU's id, which {@code assignLicense} takes
 * @param partNumber its part number, such as {@code EXCHANGESTANDARD}
 * @param name its product name as Microsoft's licensing reference writes it, or the part number
 *     when the name is not known
 * @param enabled seats bought and active ({@code prepaidUnits.enabled})
 * @param consumed seats given to users ({@code consumedUnits})
 * @param givesMailbox whether it holds an Exchange Online plan, so that its users get a mailbox
 */
public record LicenceOffer(
    String skuId,
    String partNumber,
    String name,
    long enabled,
    long consumed,
    boolean givesMailbox) {

  /** Seats still free: enabled minus consumed, never below 0. */
  public long free() {
    return Math.max(0, enabled - consumed);
  }
}
