package org.cutover.tenant;

import java.util.Locale;
import java.util.Map;

/**
 * Product names of common licences by part number, as Microsoft's "Product names and service plan
 * identifiers for licensing" lists them
 * (https://learn.microsoft.com/en-us/entra/identity/users/licensing-service-plan-reference). Graph
 * gives only the part number; a licence not listed here is shown by it.
 */
final class SkuNames {

  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("EXCHANGESTANDARD", "Exchange Online (Plan 1)"),
          Map.entry("EXCHANGEENTERPRISE", "Exchange Online (Plan 2)"),
          Map.entry("EXCHANGEESSENTIALS", "Exchange Online Essentials"),
          Map.entry("EXCHANGEDESKLESS", "Exchange Online Kiosk"),
          Map.entry("O365_BUSINESS_ESSENTIALS", "Microsoft 365 Business Basic"),
          Map.entry("O365_BUSINESS_PREMIUM", "Microsoft 365 Business Standard"),
          Map.entry("SPB", "Microsoft 365 Business Premium"),
          Map.entry("STANDARDPACK", "Office 365 E1"),
          Map.entry("ENTERPRISEPACK", "Office 365 E3"),
          Map.entry("ENTERPRISEPREMIUM", "Office 365 E5"),
          Map.entry("DESKLESSPACK", "Office 365 F3"),
          Map.entry("SPE_E3", "Microsoft 365 E3"),
          Map.entry("SPE_E5", "Microsoft 365 E5"),
          Map.entry("SPE_F1", "Microsoft 365 F3"));

  private SkuNames() {}

  static String of(String partNumber) {
    return NAMES.getOrDefault(partNumber.toUpperCase(Locale.ROOT), partNumber);
  }
}
