package org.cutover.migration;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cutover.migration.letters.ClientSettings;

/**
 * Everything a migration needs, as the REST API and the Tasklist start form give it. The rules are
 * here (constraint annotations and {@link #check}), and {@link SettingsValidation} applies them for
 * both ways in.
 */
@Schema(description = "A new migration of one domain with one batch of mailboxes")
@ConsistentSettings
public record NewMigration(
    @Schema(description = "The mail domain to migrate", example = "contoso.com")
        @NotBlank(message = "{cutover.domain.missing}")
        @Size(max = 253, message = "{cutover.domain}")
        @Pattern(regexp = SettingsPatterns.DOMAIN, message = "{cutover.domain}")
        String domain,
    @Schema(
            description = "Name of the migration batch: letters, digits, '-' and '_' only",
            example = "contoso-wave-1")
        @NotBlank(message = "{cutover.batchName.missing}")
        @Size(max = 64, message = "{cutover.batchName.size}")
        @Pattern(regexp = SettingsPatterns.BATCH_NAME, message = "{cutover.batchName.pattern}")
        String batchName,
    @Schema(description = "The mailboxes to migrate: 1 to 2000 (more than 150 gives a warning)")
        @NotNull(message = "{cutover.mailboxes.size}")
        @Size(min = 1, max = MAX_MAILBOXES, message = "{cutover.mailboxes.size}")
        List<@NotNull(message = "{cutover.mailbox.missing}") @Valid MailboxEntry> mailboxes,
    @Schema(description = "The source IMAP server")
        @NotNull(message = "{cutover.source.missing}")
        @Valid
        ImapEndpoint source,
    @Schema(description = "The target") @NotNull(message = "{cutover.target.missing}") @Valid
        TargetSettings target,
    @Schema(description = "DNS settings") @NotNull(message = "{cutover.dns.missing}") @Valid
        DnsSettings dns,
    @Schema(description = "Language of letters and messages: en or da (default en)", example = "en")
        @Pattern(regexp = "en|da", message = "{cutover.language}")
        String language,
    @Schema(
            description =
                "Start the batch as soon as it is created (else an administrator starts it)")
        boolean autoStartBatch,
    @Schema(description = "Runbook waits for this migration; defaults from configuration") @Valid
        DurationOverrides durations,
    @Schema(
            description =
                "Must be true to migrate mailboxes whose address is not in the domain (nor a"
                    + " subdomain of it); default false: such a mailbox is refused")
        boolean allowMailboxesOutsideDomain,
    @Schema(
            description =
                "Id of a directory discovery (POST /api/directory/discover) of the domain: its"
                    + " recipients (groups, contacts, shared and room mailboxes, aliases, X500"
                    + " addresses) come with the migration, and the mailboxes listed are linked"
                    + " to them")
        @Size(max = 36)
        String discoveryId,
    @Schema(description = "What users set up in their mail programs; the letters name it") @Valid
        ClientSettings clientSettings)
    implements CrossFieldRules {

  public static final int MAX_MAILBOXES = 2000;

  /** Above this many mailboxes a batch is accepted with a warning. */
  public static final int RECOMMENDED_MAX_MAILBOXES = 150;

  /** Settings that list only mailboxes of the domain (or say nothing about others). */
  public NewMigration(
      String domain,
      String batchName,
      List<MailboxEntry> mailboxes,
      ImapEndpoint source,
      TargetSettings target,
      DnsSettings dns,
      String language,
      boolean autoStartBatch,
      DurationOverrides durations) {
    this(
        domain,
        batchName,
        mailboxes,
        source,
        target,
        dns,
        language,
        autoStartBatch,
        durations,
        false);
  }

  /**
   * Settings without a directory discovery, whose letters take the users' mail program settings
   * from configuration.
   */
  public NewMigration(
      String domain,
      String batchName,
      List<MailboxEntry> mailboxes,
      ImapEndpoint source,
      TargetSettings target,
      DnsSettings dns,
      String language,
      boolean autoStartBatch,
      DurationOverrides durations,
      boolean allowMailboxesOutsideDomain) {
    this(
        domain,
        batchName,
        mailboxes,
        source,
        target,
        dns,
        language,
        autoStartBatch,
        durations,
        allowMailboxesOutsideDomain,
        null,
        null);
  }

  public NewMigration {
    discoveryId = SettingsText.blankToNull(discoveryId);
    domain = domain == null ? null : domain.strip().toLowerCase(Locale.ROOT);
    batchName = SettingsText.strip(batchName);
    language = language == null || language.isBlank() ? "en" : language.strip();
    durations = durations == null ? DurationOverrides.NONE : durations;
    mailboxes = mailboxes == null ? null : java.util.Collections.unmodifiableList(mailboxes);
  }

  @Override
  public void check(RuleViolations violations) {
    if (mailboxes != null) {
      Map<String, Integer> seen = new HashMap<>();
      for (int i = 0; i < mailboxes.size(); i++) {
        MailboxEntry mailbox = mailboxes.get(i);
        if (mailbox == null || mailbox.emailAddress() == null) {
          continue;
        }
        String address = mailbox.emailAddress().toLowerCase(Locale.ROOT);
        if (seen.putIfAbsent(address, i) != null) {
          violations.onElement("mailboxes", i, "emailAddress", "{cutover.mailbox.duplicate}");
        }
        if (!allowMailboxesOutsideDomain
            && domain != null
            && address.matches(SettingsPatterns.EMAIL)
            && !isInDomain(address)) {
          violations.onElement("mailboxes", i, "emailAddress", "{cutover.mailbox.outsideDomain}");
        }
      }
    }
    OneLoginPerMailbox.check(this, violations);
    if (dns != null && dns.zone() != null && domain != null && !isWithin(domain, dns.zone())) {
      violations.on("dns.zone", "{cutover.dns.zone.domain}");
    }
  }

  /** The Autodiscover target: as given, else Microsoft 365's, else none. */
  public String autodiscoverTarget() {
    if (dns != null && dns.autodiscoverTarget() != null) {
      return dns.autodiscoverTarget();
    }
    return target != null && target.type() == TargetType.MICROSOFT_365
        ? "autodiscover.outlook.com"
        : null;
  }

  /** Whether an address is in the domain or a subdomain of it. */
  boolean isInDomain(String address) {
    String lower = address.toLowerCase(Locale.ROOT);
    return lower.endsWith("@" + domain) || lower.endsWith("." + domain);
  }

  private static boolean isWithin(String name, String zone) {
    String lowerZone = zone.toLowerCase(Locale.ROOT);
    return name.equals(lowerZone) || name.endsWith("." + lowerZone);
  }
}
