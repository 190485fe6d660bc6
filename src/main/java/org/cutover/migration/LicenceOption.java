package org.cutover.migration;

/**
 * A licence the administrator may choose for the batch.
 *
 * @param skuId the licence's skuId
 * @param partNumber its part number, such as EXCHANGESTANDARD
 * @param name its product name, such as "Exchange Online (Plan 1)", or the part number
 * @param enabled seats bought and active
 * @param free seats not given to anyone (enabled minus consumed)
 * @param givesMailbox whether it holds an Exchange Online plan (only such a licence gives a user a
 *     mailbox)
 */
public record LicenceOption(
    String skuId, String partNumber, String name, long enabled, long free, boolean givesMailbox) {

  /** "Exchange Online (Plan 1) (EXCHANGESTANDARD): 12 of 25 free". */
  public String label() {
    String shown = name.equals(partNumber) ? partNumber : name + " (" + partNumber + ")";
    return shown
        + ": "
        + free
        + " of "
        + enabled
        + " free"
        + (givesMailbox ? "" : ", no mailbox (no Exchange Online plan)");
  }
}
