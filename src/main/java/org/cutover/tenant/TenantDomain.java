package org.cutover.tenant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migrated domain in the tenant: added when missing, verified by its TXT record, Email enabled,
 * and the records Exchange Online needs read from the tenant. Records are chosen by {@code
 * recordType} ({@code Txt}, {@code Mx}, {@code CName}); the MX host is never built from a pattern.
 */
final class TenantDomain {

  static final String READ = "Domain.Read.All";
  static final String READ_WRITE = "Domain.ReadWrite.All";

  private static final Logger log = LoggerFactory.getLogger(TenantDomain.class);

  private final GraphApi graph;

  TenantDomain(GraphApi graph) {
    this.graph = graph;
  }

  /**
   * Adds the domain when the tenant lacks it, has it verified, enables Email on it and reads the
   * records to publish.
   *
   * @throws DomainNotYetVerified while Microsoft 365 cannot verify it yet
   */
  DomainRecords records(Microsoft365App app, String domain) {
    JsonNode state = findOrAdd(app, domain);
    boolean verified = state.path("isVerified").asBoolean(false);
    String text = verificationText(app, domain, !verified);
    if (!verified) {
      state = verify(app, domain, text);
    }
    enableEmail(app, domain, state);
    DomainRecords service = serviceRecords(app, domain);
    return new DomainRecords(text, service.mailExchangers(), service.autodiscoverTarget());
  }

  /** The domain as the tenant has it; a 404 means it is not added, which preflight allows. */
  GraphResponse read(Microsoft365App app, String domain) {
    return graph.get(app, "/domains/" + GraphApi.segment(domain), READ);
  }

  private JsonNode findOrAdd(Microsoft365App app, String domain) {
    GraphResponse found = read(app, domain);
    if (found.ok()) {
      return found.body();
    }
    if (found.status() != 404) {
      throw unexpected(found, "read the domain " + domain);
    }
    GraphResponse added = graph.post(app, "/domains", Map.of("id", domain), READ_WRITE);
    if (!added.ok()) {
      throw new TargetNeedsAdministrator(
          "Microsoft 365 did not add the domain "
              + domain
              + " to tenant "
              + app.tenantId()
              + " ("
              + added.describe()
              + "). A domain can belong to one tenant only: remove it from any other tenant, or"
              + " add it in the Microsoft 365 admin center, then retry the step");
    }
    log.info("Domain {} added to tenant {}", domain, app.tenantId());
    return added.body();
  }

  /**
   * The TXT value the tenant verifies the domain by; null when it lists none and {@code required}
   * is false (a verified domain).
   */
  private String verificationText(Microsoft365App app, String domain, boolean required) {
    GraphResponse records =
        graph.get(app, "/domains/" + GraphApi.segment(domain) + "/verificationDnsRecords", READ);
    if (!records.ok()) {
      throw unexpected(records, "read the verification records of " + domain);
    }
    for (JsonNode record : records.body().path("value")) {
      if ("txt".equalsIgnoreCase(record.path("recordType").asText())) {
        String text = record.path("text").asText("").strip();
        if (!text.isEmpty()) {
          return text;
        }
      }
    }
    if (!required) {
      return null;
    }
    throw new TargetNeedsAdministrator(
        "Microsoft 365 lists no TXT verification record for "
            + domain
            + " in tenant "
            + app.tenantId()
            + "; open the domain in the Microsoft 365 admin center to see why, then retry the"
            + " step");
  }

  /** Asks the tenant to verify the domain; "not yet" is {@link DomainNotYetVerified}. */
  private JsonNode verify(Microsoft365App app, String domain, String text) {
    GraphResponse verified =
        graph.post(app, "/domains/" + GraphApi.segment(domain) + "/verify", null, READ_WRITE);
    if (verified.ok() && verified.body().path("isVerified").asBoolean(false)) {
      log.info("Domain {} verified in tenant {}", domain, app.tenantId());
      return verified.body();
    }
    if (verified.status() == 400 || verified.ok()) {
      GraphResponse now = read(app, domain);
      if (now.ok() && now.body().path("isVerified").asBoolean(false)) {
        return now.body();
      }
      throw new DomainNotYetVerified(
          domain,
          text,
          "Microsoft 365 has not verified "
              + domain
              + " yet ("
              + verified.describe()
              + "): publish the TXT record \""
              + text
              + "\" at "
              + domain
              + " (TTL 3600); Microsoft can take 15 to 60 minutes to see it. The step is tried"
              + " again");
    }
    throw unexpected(verified, "verify the domain " + domain);
  }

  private void enableEmail(Microsoft365App app, String domain, JsonNode state) {
    Set<String> services = new LinkedHashSet<>();
    for (JsonNode service : state.path("supportedServices")) {
      services.add(service.asText());
    }
    if (services.stream().anyMatch("Email"::equalsIgnoreCase)) {
      return;
    }
    services.add("Email");
    GraphResponse updated =
        graph.patch(
            app,
            "/domains/" + GraphApi.segment(domain),
            Map.of("supportedServices", List.copyOf(services)),
            READ_WRITE);
    if (!updated.ok()) {
      throw unexpected(updated, "enable Email on " + domain);
    }
    log.info("Email enabled on domain {} in tenant {}", domain, app.tenantId());
  }

  private DomainRecords serviceRecords(Microsoft365App app, String domain) {
    GraphResponse records =
        graph.get(
            app, "/domains/" + GraphApi.segment(domain) + "/serviceConfigurationRecords", READ);
    if (!records.ok()) {
      throw unexpected(records, "read the service records of " + domain);
    }
    List<DomainRecords.MailExchanger> exchangers = new ArrayList<>();
    String autodiscover = null;
    String autodiscoverLabel = "autodiscover." + domain.toLowerCase(Locale.ROOT);
    for (JsonNode record : records.body().path("value")) {
      String type = record.path("recordType").asText();
      if ("mx".equalsIgnoreCase(type)) {
        String host = record.path("mailExchange").asText("").strip();
        if (!host.isEmpty()) {
          exchangers.add(new DomainRecords.MailExchanger(record.path("preference").asInt(0), host));
        }
      } else if ("cname".equalsIgnoreCase(type)
          && autodiscoverLabel.equalsIgnoreCase(
              record.path("label").asText("").strip().replaceAll("\\.$", ""))) {
        String target = record.path("canonicalName").asText("").strip();
        autodiscover = target.isEmpty() ? null : target;
      }
    }
    if (exchangers.isEmpty()) {
      throw new TargetNeedsAdministrator(
          "Microsoft 365 names no MX record for "
              + domain
              + " in tenant "
              + app.tenantId()
              + ": check in the Microsoft 365 admin center that the domain is set up for Exchange"
              + " (Email), then retry the step");
    }
    return new DomainRecords(null, exchangers, autodiscover);
  }

  private static TargetNeedsAdministrator unexpected(GraphResponse response, String goal) {
    return new TargetNeedsAdministrator(
        "Cutover could not "
            + goal
            + " in Microsoft 365: "
            + response.describe()
            + ". Fix what it names, then retry the step");
  }
}
