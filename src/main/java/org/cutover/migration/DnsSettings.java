package org.cutover.migration;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.cutover.secrets.SecretRef;
import org.cutover.secrets.SecretText;

/** How the domain's DNS records are changed. */
@Schema(
    description =
        "DNS: AUTOMATIC changes the zone through a provider (provider, zone and credentials"
            + " needed); GUIDED shows each record to set by hand and waits until it is seen.")
@ConsistentSettings
public record DnsSettings(
    @Schema(description = "AUTOMATIC or GUIDED") @NotNull(message = "{cutover.dns.mode.missing}")
        DnsMode mode,
    @Schema(
            description =
                "Automatic: the name of a DNS provider this Cutover has; another name is refused"
                    + " with the list of those it has",
            example = "rfc2136")
        @Pattern(regexp = SettingsPatterns.DNS_PROVIDER, message = "{cutover.dns.provider}")
        String provider,
    @Schema(description = "Automatic: the zone holding the domain", example = "contoso.com")
        @Size(max = 253)
        @Pattern(regexp = SettingsPatterns.DOMAIN, message = "{cutover.domain}")
        String zone,
    @Schema(
            description =
                "Automatic, for providers that send changes to a server: that server, host[:port]",
            example = "ns1.contoso.com")
        @Size(max = 260)
        @Pattern(regexp = SettingsPatterns.HOST_AND_PORT, message = "{cutover.host}")
        String server,
    @Schema(
            description =
                "Automatic: the key or token the provider changes the zone with, in the form"
                    + " the provider takes (docs/operations.md lists them); write-only, stored"
                    + " encrypted. Give this or credentialId when the provider needs one.",
            type = "string",
            format = "password",
            accessMode = Schema.AccessMode.WRITE_ONLY)
        @JsonProperty(access = JsonProperty.Access.WRITE_ONLY)
        SecretText credentials,
    @Schema(description = "Automatic: id of a stored credential instead of credentials")
        String credentialId,
    @Schema(description = "Highest MX TTL in seconds before the swap (default 3600)")
        @Min(value = 60, message = "{cutover.dns.maxMxTtl}")
        @Max(value = 86400, message = "{cutover.dns.maxMxTtl}")
        Integer maxMxTtl,
    @Schema(
            description =
                "Where autodiscover.<domain> points (default autodiscover.outlook.com with"
                    + " Microsoft 365)",
            example = "autodiscover.outlook.com")
        @Size(max = 253)
        @Pattern(regexp = SettingsPatterns.DOMAIN, message = "{cutover.domain}")
        String autodiscoverTarget,
    @Schema(
            description =
                "Whether Cutover may remove records already at autodiscover.<domain> (an on-premises"
                    + " Exchange usually has an A record there) to make room for the CNAME; they"
                    + " are put back on rollback. Default false: the step stops and says what is"
                    + " there.")
        Boolean autodiscoverOverwriteConsent,
    @Schema(
            description =
                "The domain added to the SPF record as include: (default"
                    + " spf.protection.outlook.com with Microsoft 365; with an IMAP target SPF is"
                    + " changed only when this is given)",
            example = "spf.protection.outlook.com")
        @Size(max = 253)
        @Pattern(regexp = SettingsPatterns.DOMAIN, message = "{cutover.domain}")
        String spfInclude)
    implements CrossFieldRules {

  public static final int DEFAULT_MAX_MX_TTL = 3600;

  public DnsSettings {
    provider = SettingsText.blankToNull(provider);
    zone = SettingsText.blankToNull(zone);
    server = SettingsText.blankToNull(server);
    credentialId = SettingsText.blankToNull(credentialId);
    autodiscoverTarget = SettingsText.blankToNull(autodiscoverTarget);
    spfInclude = SettingsText.blankToNull(spfInclude);
    if (maxMxTtl == null) {
      maxMxTtl = DEFAULT_MAX_MX_TTL;
    }
    if (autodiscoverOverwriteConsent == null) {
      autodiscoverOverwriteConsent = false;
    }
  }

  @Override
  public void check(RuleViolations violations) {
    if (server != null
        && server.matches(SettingsPatterns.HOST_AND_PORT)
        && !SettingsPatterns.portInRange(server)) {
      violations.on("server", "{cutover.dns.server.port}");
    }
    if (mode != DnsMode.AUTOMATIC) {
      CredentialRule.checkSize(violations, credentials, "credentials");
      return;
    }
    if (zone == null) {
      violations.on("zone", "{cutover.dns.zone.missing}");
    }
    // Whether the provider needs a credential (and which provider) is the provider's rule.
    CredentialRule.checkIfGiven(
        violations, credentials, credentialId, "credentials", "credentialId");
  }

  /** The stored DNS credential named by {@code credentialId}, else null. */
  public SecretRef credentialRef() {
    return CredentialRule.refOrNull(credentialId);
  }
}
