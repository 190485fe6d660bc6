package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The tenant's licences: its subscribed SKUs, and who holds one. */
final class TenantLicences {

  static final String READ = "LicenseAssignment.Read.All";

  private record SkuKey(String tenantId, String clientId, String wanted) {}

  private final GraphApi graph;
  private final Map<SkuKey, String> skuIds = new ConcurrentHashMap<>();

  TenantLicences(GraphApi graph) {
    this.graph = graph;
  }

  List<SubscribedSku> subscribed(Microsoft365App app) {
    GraphResponse response = graph.get(app, "/subscribedSkus", READ);
    if (!response.ok()) {
      throw new TargetNeedsAdministrator(
          "Cutover could not read the tenant's licences: " + response.describe());
    }
    List<SubscribedSku> skus = new ArrayList<>();
    for (JsonNode sku : response.body().path("value")) {
      skus.add(SubscribedSku.of(sku));
    }
    return skus;
  }

  /**
   * The licences users can be given now (applies to users, enabled), those with a mailbox first,
   * then by name.
   */
  List<LicenceOffer> offers(Microsoft365App app) {
    return subscribed(app).stream()
        .filter(SubscribedSku::usable)
        .map(
            sku ->
                new LicenceOffer(
                    sku.skuId(),
                    sku.partNumber(),
                    SkuNames.of(sku.partNumber()),
                    sku.enabled(),
                    sku.consumed(),
                    sku.hasExchange()))
        .sorted(
            java.util.Comparator.comparing((LicenceOffer offer) -> !offer.givesMailbox())
                .thenComparing(LicenceOffer::name, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  static Optional<SubscribedSku> find(List<SubscribedSku> skus, String wanted) {
    return skus.stream().filter(sku -> sku.isNamed(wanted)).findFirst();
  }

  /** The skuId of the licence named by part number or id; looked up once per app and name. */
  String skuId(Microsoft365App app, String wanted) {
    SkuKey key = new SkuKey(app.tenantId(), app.clientId(), wanted.toLowerCase(Locale.ROOT));
    String known = skuIds.get(key);
    if (known != null) {
      return known;
    }
    List<SubscribedSku> skus = subscribed(app);
    SubscribedSku sku = find(skus, wanted).orElseThrow(() -> unknown(app, wanted, skus));
    skuIds.put(key, sku.skuId());
    return sku.skuId();
  }

  /** No licence is named for the migration's users; settings validation normally prevents it. */
  static TargetNeedsAdministrator notNamed(Microsoft365App app) {
    return new TargetNeedsAdministrator(
        "No licence is named for the users in tenant "
            + app.tenantId()
            + ": Exchange Online makes a user's mailbox only once the user holds a licence with"
            + " Exchange Online, and each mailbox must exist before the first sync. Cancel this"
            + " migration and register it again with licenceSku (part number such as"
            + " EXCHANGESTANDARD, or its skuId)");
  }

  static TargetNeedsAdministrator unknown(
      Microsoft365App app, String wanted, List<SubscribedSku> skus) {
    List<String> names = skus.stream().map(SubscribedSku::partNumber).sorted().toList();
    return new TargetNeedsAdministrator(
        "Tenant "
            + app.tenantId()
            + " has no licence "
            + wanted
            + (names.isEmpty()
                ? " and no licences at all: buy one that includes Exchange Online"
                : "; it has " + String.join(", ", names) + ": correct the licence setting"));
  }

  /**
   * The user principal names and mail addresses (lower case) of the users that hold the SKU, so
   * they need no new seat.
   */
  Set<String> holders(Microsoft365App app, String skuId) {
    Set<String> holders = new HashSet<>();
    for (JsonNode user :
        graph.all(
            app,
            "/users?$filter="
                + GraphApi.query("assignedLicenses/any(x:x/skuId eq " + skuId + ")")
                + "&$select=userPrincipalName,mail&$count=true&$top=999",
            Map.of("ConsistencyLevel", "eventual"),
            TenantUsers.READ_WRITE,
            refused ->
                new TargetNeedsAdministrator(
                    "Cutover could not list the holders of licence "
                        + skuId
                        + ": "
                        + refused.describe()))) {
      for (String field : List.of("userPrincipalName", "mail")) {
        String value = user.path(field).asText("");
        if (!value.isEmpty()) {
          holders.add(value.toLowerCase(Locale.ROOT));
        }
      }
    }
    return holders;
  }
}
