package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a Microsoft 365 tenant before anything changes: the app can sign in (for Graph and for
 * IMAP), directory synchronisation is off, the migration's licence exists, includes Exchange Online
 * and has a free seat for every user of the batch that lacks it (each user gets it when created, so
 * that its mailbox exists before the first sync), the app may read what the runbook reads, and
 * every address can be a user principal name. Reports every problem at once.
 */
final class TenantPreflight {

  static final String ORGANIZATION = "Organization.Read.All";

  /** Characters Microsoft Entra ID allows before the '@' of a user principal name. */
  private static final Pattern UPN_LOCAL = Pattern.compile("[A-Za-z0-9'._!#^~-]+");

  private static final Logger log = LoggerFactory.getLogger(TenantPreflight.class);

  private final GraphApi graph;
  private final EntraTokens tokens;
  private final String imapScope;
  private final TenantLicences licences;
  private final TenantDomain domains;

  TenantPreflight(
      GraphApi graph,
      EntraTokens tokens,
      String imapScope,
      TenantLicences licences,
      TenantDomain domains) {
    this.graph = graph;
    this.tokens = tokens;
    this.imapScope = imapScope;
    this.licences = licences;
    this.domains = domains;
  }

  void check(Microsoft365App app, String domain, String licence, List<String> addresses) {
    Set<String> problems = new LinkedHashSet<>();
    collect(problems, () -> directorySync(app));
    collect(problems, () -> seats(app, licence, addresses));
    collect(problems, () -> domainReadable(app, domain));
    if (!addresses.isEmpty()) {
      collect(problems, () -> mailboxSettingsReadable(app, addresses.get(0)));
    }
    collect(problems, () -> tokens.token(app, imapScope, false));
    userPrincipalNames(addresses).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      List<String> numbered = new ArrayList<>();
      int n = 1;
      for (String problem : problems) {
        numbered.add("(" + n++ + ") " + problem);
      }
      throw new TargetNeedsAdministrator(
          "Microsoft 365 tenant "
              + app.tenantId()
              + " is not ready: "
              + String.join(" ", numbered));
    }
    log.info("Preflight of {} passed for {} mailboxes", app.describe(), addresses.size());
  }

  private static void collect(Set<String> problems, Runnable check) {
    try {
      check.run();
    } catch (TargetNeedsAdministrator problem) {
      problems.add(problem.getMessage());
    }
  }

  private void directorySync(Microsoft365App app) {
    GraphResponse organization =
        graph.get(
            app,
            "/organization?$select=id,displayName,onPremisesSyncEnabled,"
                + "onPremisesLastSyncDateTime,verifiedDomains",
            ORGANIZATION);
    if (!organization.ok()) {
      throw new TargetNeedsAdministrator(
          "Cutover could not read the organisation: " + organization.describe());
    }
    for (JsonNode org : organization.body().path("value")) {
      if (org.path("onPremisesSyncEnabled").asBoolean(false)) {
        throw new TargetNeedsAdministrator(
            "Directory synchronisation is on for "
                + org.path("displayName").asText(app.tenantId())
                + " (last run "
                + org.path("onPremisesLastSyncDateTime").asText("unknown")
                + "); a cutover migration creates the users itself and needs it off. Stop"
                + " Microsoft Entra Connect Sync on the on-premises server, then as a Global"
                + " Administrator run Set-EntraDirSyncEnabled -EnableDirSync $false (Microsoft"
                + " Entra PowerShell); turning it off can take up to 72 hours. Then retry the"
                + " step.");
      }
    }
  }

  private void seats(Microsoft365App app, String licence, List<String> addresses) {
    if (licence == null) {
      throw TenantLicences.notNamed(app);
    }
    List<SubscribedSku> skus = licences.subscribed(app);
    SubscribedSku sku =
        TenantLicences.find(skus, licence)
            .orElseThrow(() -> TenantLicences.unknown(app, licence, skus));
    if (!sku.usable()) {
      throw new TargetNeedsAdministrator(
          "The licence "
              + sku.partNumber()
              + " is "
              + sku.capabilityStatus()
              + " for "
              + sku.appliesTo()
              + ", not Enabled for users: renew the subscription or choose another licence");
    }
    if (!sku.hasExchange()) {
      throw new TargetNeedsAdministrator(
          "The licence "
              + sku.partNumber()
              + " includes no Exchange Online plan, so it gives no mailbox: choose a licence with"
              + " Exchange Online");
    }
    Set<String> holders = licences.holders(app, sku.skuId());
    long needed =
        addresses.stream()
            .map(address -> address.toLowerCase(Locale.ROOT))
            .filter(address -> !holders.contains(address))
            .count();
    if (needed > sku.free()) {
      throw new TargetNeedsAdministrator(
          "The batch needs "
              + needed
              + " licences "
              + sku.partNumber()
              + " but only "
              + sku.free()
              + " are free ("
              + sku.enabled()
              + " bought, "
              + sku.consumed()
              + " assigned): buy "
              + (needed - sku.free())
              + " more or free some, then retry the step");
    }
  }

  private void domainReadable(Microsoft365App app, String domain) {
    GraphResponse read = domains.read(app, domain);
    if (!read.ok() && read.status() != 404) {
      throw new TargetNeedsAdministrator(
          "Cutover could not read the domain " + domain + ": " + read.describe());
    }
  }

  private void mailboxSettingsReadable(Microsoft365App app, String address) {
    GraphResponse read =
        graph.get(
            app,
            "/users/" + GraphApi.segment(address) + "/mailboxSettings",
            TenantUsers.MAILBOX_SETTINGS);
    if (!read.ok() && read.status() != 404) {
      throw new TargetNeedsAdministrator(
          "Cutover could not read the mailbox settings of " + address + ": " + read.describe());
    }
  }

  private static Optional<String> userPrincipalNames(List<String> addresses) {
    List<String> refused =
        addresses.stream()
            .filter(
                address ->
                    !UPN_LOCAL
                        .matcher(address.substring(0, Math.max(0, address.lastIndexOf('@'))))
                        .matches())
            .toList();
    if (refused.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        refused.size()
            + " addresses cannot be user names in Microsoft 365 (allowed before the '@': letters"
            + " A-Z, digits and ' . - _ ! # ^ ~), first: "
            + String.join(", ", refused.subList(0, Math.min(5, refused.size())))
            + ". Leave them out of the batch, or migrate them under an allowed address");
  }
}
