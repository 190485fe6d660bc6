package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * One licence product the tenant subscribes to, from {@code GET /subscribedSkus}: free seats are
 * {@code prepaidUnits.enabled − consumedUnits}; it gives a mailbox when one of its service plans is
 * an Exchange Online plan ({@code EXCHANGE_S_*}).
 */
record SubscribedSku(
    String skuId,
    String partNumber,
    String capabilityStatus,
    String appliesTo,
    long enabled,
    long consumed,
    boolean hasExchange) {

  static SubscribedSku of(JsonNode sku) {
    boolean exchange = false;
    for (JsonNode plan : sku.path("servicePlans")) {
      if (plan.path("servicePlanName")
          .asText("")
          .toUpperCase(Locale.ROOT)
          .startsWith("EXCHANGE_S_")) {
        exchange = true;
      }
    }
    return new SubscribedSku(
        sku.path("skuId").asText(""),
        sku.path("skuPartNumber").asText(""),
        sku.path("capabilityStatus").asText(""),
        sku.path("appliesTo").asText(""),
        sku.path("prepaidUnits").path("enabled").asLong(0),
        sku.path("consumedUnits").asLong(0),
        exchange);
  }

  /** Whether {@code wanted} names this SKU, by part number or id, in any case. */
  boolean isNamed(String wanted) {
    return partNumber.equalsIgnoreCase(wanted) || skuId.equalsIgnoreCase(wanted);
  }

  long free() {
    return Math.max(0, enabled - consumed);
  }

  boolean usable() {
    return "Enabled".equalsIgnoreCase(capabilityStatus) && "User".equalsIgnoreCase(appliesTo);
  }
}
