package org.cutover.tenant;

import java.util.Objects;
import org.cutover.secrets.SecretRef;

/**
 * The app registration Cutover signs in with at a Microsoft 365 tenant (client credentials).
 *
 * @param tenantId the tenant's id (GUID) or one of its domains, such as contoso.onmicrosoft.com
 * @param clientId the application (client) id
 * @param clientSecret the stored client secret
 */
public record Microsoft365App(String tenantId, String clientId, SecretRef clientSecret) {

  public Microsoft365App {
    if (tenantId == null || tenantId.isBlank()) {
      throw new IllegalArgumentException("A Microsoft 365 target needs its tenant id");
    }
    if (clientId == null || clientId.isBlank()) {
      throw new IllegalArgumentException(
          "A Microsoft 365 target needs the application (client) id of its app registration");
    }
    Objects.requireNonNull(clientSecret, "client secret");
    tenantId = tenantId.strip();
    clientId = clientId.strip();
  }

  /** Tenant and client id, for messages and logs. */
  public String describe() {
    return "app " + clientId + " in tenant " + tenantId;
  }
}
