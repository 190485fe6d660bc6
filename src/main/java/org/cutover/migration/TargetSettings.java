package org.cutover.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/** The target: a Microsoft 365 tenant (app registration) or an IMAP server. */
@Schema(
    description =
        "The target. MICROSOFT_365 needs tenantId, clientId, clientSecret (or credentialId),"
            + " licenceSku and usageLocation; IMAP needs endpoint.")
@ConsistentSettings
public record TargetSettings(
    @Schema(description = "Kind of target") @NotNull(message = "{cutover.target.type.missing}")
        TargetType type,
    @Schema(
            description = "Microsoft 365: tenant id (GUID) or its onmicrosoft.com domain",
            example = "contoso.onmicrosoft.com")
        @Size(max = 253)
        @Pattern(
            regexp = SettingsPatterns.GUID + "|" + SettingsPatterns.DOMAIN,
            message = "{cutover.tenantId}")
        String tenantId,
    @Schema(
            description = "Microsoft 365: application (client) id of the app registration",
            example = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
        @Pattern(regexp = SettingsPatterns.GUID, message = "{cutover.clientId}")
        String clientId,
    @Schema(
            description =
                "Microsoft 365: client secret of the app registration; write-only, stored"
                    + " encrypted. Give this or credentialId.",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText clientSecret,
    @Schema(description = "Microsoft 365: id of a stored credential holding the client secret")
        String credentialId,
    @Schema(
            description = "Microsoft 365: licence to assign (skuPartNumber or skuId)",
            example = "EXCHANGESTANDARD")
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "{cutover.licenceSku}")
        String licenceSku,
    @Schema(
            description = "Microsoft 365: users' usage location (ISO 3166 country code)",
            example = "DK")
        @Pattern(regexp = "[A-Z]{2}", message = "{cutover.usageLocation}")
        String usageLocation,
    @Schema(description = "IMAP target: the server and admin login") @Valid ImapEndpoint endpoint)
    implements CrossFieldRules {

  public TargetSettings {
    tenantId = SettingsText.blankToNull(tenantId);
    clientId = SettingsText.blankToNull(clientId);
    credentialId = SettingsText.blankToNull(credentialId);
    licenceSku = SettingsText.blankToNull(licenceSku);
    usageLocation = SettingsText.blankToNull(usageLocation);
  }

  @Override
  public void check(RuleViolations violations) {
    if (type == TargetType.MICROSOFT_365) {
      if (tenantId == null) {
        violations.on("tenantId", "{cutover.tenantId.missing}");
      }
      if (clientId == null) {
        violations.on("clientId", "{cutover.clientId.missing}");
      }
      CredentialRule.check(violations, clientSecret, credentialId, "clientSecret", "credentialId");
      if (licenceSku == null) {
        violations.on("licenceSku", "{cutover.licenceSku.missing}");
      }
      if (usageLocation == null) {
        violations.on("usageLocation", "{cutover.usageLocation.missing}");
      }
    } else if (type == TargetType.IMAP && endpoint == null) {
      violations.on("endpoint", "{cutover.target.endpoint.missing}");
    }
  }

  /** Microsoft 365: the stored client secret named by {@code credentialId}, else null. */
  public SecretRef credentialRef() {
    return CredentialRule.refOrNull(credentialId);
  }
}
