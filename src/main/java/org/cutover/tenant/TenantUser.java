package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** A user of the tenant as far as provisioning needs it. */
record TenantUser(String id, String userPrincipalName, String usageLocation, Set<String> skuIds) {

  static final String SELECT = "id,userPrincipalName,mail,usageLocation,assignedLicenses";

  static TenantUser of(JsonNode user) {
    Set<String> skus = new HashSet<>();
    for (JsonNode licence : user.path("assignedLicenses")) {
      skus.add(licence.path("skuId").asText("").toLowerCase(Locale.ROOT));
    }
    String location = user.path("usageLocation").asText("");
    return new TenantUser(
        user.path("id").asText(),
        user.path("userPrincipalName").asText(),
        location.isBlank() ? null : location,
        Set.copyOf(skus));
  }

  boolean holds(String skuId) {
    return skuIds.contains(skuId.toLowerCase(Locale.ROOT));
  }
}
