package org.cutover.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/** The target: a Microsoft 365 tenant (app registration) or an IMAP server. */
@Schema(
    description =
        "The target. MICROSOFT_365 needs tenantId, clientId, clientSecret (or credentialId),"
            + " licenceSku and usageLocation; IMAP needs endpoint and mxHosts.")
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
                "Microsoft 365: client secret of the app registration, or instead its"
                    + " certificate as PEM (unencrypted PKCS#8 private key, then the"
                    + " certificate); write-only, stored encrypted. Give this or credentialId.",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText clientSecret,
    @Schema(description = "Microsoft 365: id of a stored credential holding the client secret")
        String credentialId,
    @Schema(
            description =
                "Microsoft 365: the licence each user is given when it is created"
                    + " (skuPartNumber or skuId). Required: Exchange Online makes a user's"
                    + " mailbox only once the user holds a licence with Exchange Online, and the"
                    + " mailbox must exist before the first sync. The task \"Assign licences\""
                    + " later offers it preselected and can add another licence to every user.",
            example = "EXCHANGESTANDARD")
        @Size(max = 100)
        @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "{cutover.licenceSku}")
        String licenceSku,
    @Schema(
            description = "Microsoft 365: users' usage location (ISO 3166 country code)",
            example = "DK")
        @Pattern(regexp = "[A-Z]{2}", message = "{cutover.usageLocation}")
        String usageLocation,
    @Schema(description = "IMAP target: the server and admin login") @Valid ImapEndpoint endpoint,
    @Schema(
            description =
                "IMAP target: the mail exchangers that receive the domain's mail after the switch,"
                    + " each as \"preference host\"; the MX records are set to exactly these",
            example = "[\"10 mx1.newhost.example\", \"20 mx2.newhost.example\"]")
        @Size(max = 20, message = "{cutover.mxHosts.size}")
        List<
                @NotBlank(message = "{cutover.mxHost}")
                @Size(max = 260, message = "{cutover.mxHost}")
                @Pattern(regexp = SettingsPatterns.MX_HOST, message = "{cutover.mxHost}") String>
            mxHosts)
    implements CrossFieldRules {

  private static final int MAX_MX_PREFERENCE = 65535;

  public TargetSettings {
    tenantId = SettingsText.blankToNull(tenantId);
    clientId = SettingsText.blankToNull(clientId);
    credentialId = SettingsText.blankToNull(credentialId);
    licenceSku = SettingsText.blankToNull(licenceSku);
    usageLocation = SettingsText.blankToNull(usageLocation);
    if (mxHosts == null) {
      mxHosts = List.of();
    } else {
      List<String> hosts = new ArrayList<>(mxHosts.size());
      for (String host : mxHosts) {
        hosts.add(host == null ? null : host.strip().replaceAll("\\s+", " "));
      }
      mxHosts = java.util.Collections.unmodifiableList(hosts);
    }
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
      if (!mxHosts.isEmpty()) {
        violations.on("mxHosts", "{cutover.mxHosts.microsoft365}");
      }
    } else if (type == TargetType.IMAP) {
      if (endpoint == null) {
        violations.on("endpoint", "{cutover.target.endpoint.missing}");
      }
      if (mxHosts.isEmpty()) {
        violations.on("mxHosts", "{cutover.mxHosts.missing}");
      }
      if (endpoint != null && endpoint.tokenSource() != null) {
        violations.on("endpoint.tokenSource", "{cutover.tokenSource.target}");
      }
    }
    for (String host : mxHosts) {
      if (host != null
          && host.matches(SettingsPatterns.MX_HOST)
          && Integer.parseInt(host.substring(0, host.indexOf(' '))) > MAX_MX_PREFERENCE) {
        violations.on("mxHosts", "{cutover.mxHost}");
        break;
      }
    }
  }

  /** IMAP target: the mail exchangers of {@code mxHosts}, parsed; valid settings only. */
  public List<TargetDnsRecords.MailExchanger> mailExchangers() {
    List<TargetDnsRecords.MailExchanger> exchangers = new ArrayList<>(mxHosts.size());
    for (String host : mxHosts) {
      int space = host.indexOf(' ');
      exchangers.add(
          new TargetDnsRecords.MailExchanger(
              Integer.parseInt(host.substring(0, space)),
              host.substring(space + 1).replaceAll("\\.$", "")));
    }
    return exchangers;
  }

  /** Microsoft 365: the stored client secret named by {@code credentialId}, else null. */
  public SecretRef credentialRef() {
    return CredentialRule.refOrNull(credentialId);
  }
}
