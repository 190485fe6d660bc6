package org.cutover.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.cutover.dns.DnsNames;
import org.cutover.dns.DnsZone;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.ZoneRead;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A zone hosted at Cloudflare, changed through API v4. The zone id is looked up by name once. A
 * change first lists the record set and compares it with the expected one (so a concurrent change
 * is reported, not overwritten), then creates, patches (TTL) and deletes single records, then lists
 * again. The requests of one change are not atomic: between them the name briefly holds both old
 * and new records (a CNAME is made after the old records are gone).
 */
public final class CloudflareZone implements DnsZone {

  private static final Logger log = LoggerFactory.getLogger(CloudflareZone.class);
  private static final int PAGE_SIZE = 100;

  private final String zone;
  private final CloudflareApi api;
  private final String where;
  private volatile String zoneId;
  private volatile ApiResult zoneIdFailure;

  /**
   * @param zone the zone's name as Cloudflare knows it, e.g. {@code contoso.com}
   * @param settings the API's base URL, time-out and rate-limit handling
   * @param apiToken gives the API token (Zone:DNS:Edit) when a request is sent
   */
  public CloudflareZone(String zone, CloudflareSettings settings, Supplier<String> apiToken) {
    this(
        zone,
        settings,
        apiToken,
        HttpClient.newBuilder().connectTimeout(settings.timeout()).build(),
        duration -> Thread.sleep(duration.toMillis()),
        Clock.systemUTC());
  }

  CloudflareZone(
      String zone,
      CloudflareSettings settings,
      Supplier<String> apiToken,
      HttpClient http,
      CloudflareApi.Pause pause,
      Clock clock) {
    this.zone = DnsNames.absolute(zone);
    this.api = new CloudflareApi(settings, apiToken, http, pause, clock);
    this.where = settings.baseUrl().toString();
  }

  @Override
  public String zone() {
    return zone;
  }

  @Override
  public String describe() {
    return "Cloudflare zone " + CloudflareRecord.withoutDot(zone) + " via " + where;
  }

  @Override
  public ZoneRead read(String name, RecordType type) {
    Listing listing = list(name, type);
    if (listing.failure() != null) {
      return listing.failure() instanceof ApiResult.Refused refused
          ? new ZoneRead.Rejected(refused.reason())
          : new ZoneRead.Unavailable(((ApiResult.Unavailable) listing.failure()).reason());
    }
    return listing
        .set()
        .<ZoneRead>map(ZoneRead.Present::new)
        .orElseGet(() -> new ZoneRead.Absent(DnsNames.absolute(name), type));
  }

  @Override
  public ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
    Listing current = list(wanted.name(), wanted.type());
    if (current.failure() != null) {
      return failed(current.failure(), "reading " + wanted.name() + " " + wanted.type());
    }
    if (!same(current.set(), expected)) {
      return conflict(current.set(), expected, wanted.name(), wanted.type());
    }
    List<Step> steps = plan(current.records(), wanted);
    return execute(steps, wanted.name(), wanted.type(), Optional.of(wanted));
  }

  @Override
  public ZoneChange delete(RecordSet expected) {
    Listing current = list(expected.name(), expected.type());
    if (current.failure() != null) {
      return failed(current.failure(), "reading " + expected.name() + " " + expected.type());
    }
    if (!same(current.set(), Optional.of(expected))) {
      return conflict(current.set(), Optional.of(expected), expected.name(), expected.type());
    }
    List<Step> steps = new ArrayList<>();
    for (CloudflareRecord record : current.records()) {
      steps.add(new Step.Delete(record));
    }
    return execute(steps, expected.name(), expected.type(), Optional.empty());
  }

  /** One request of a change. */
  private sealed interface Step {
    record Create(RecordSet set, String value) implements Step {}

    record SetTtl(CloudflareRecord record, long ttl) implements Step {}

    record Delete(CloudflareRecord record) implements Step {}
  }

  private static List<Step> plan(List<CloudflareRecord> current, RecordSet wanted) {
    List<Step> creates = new ArrayList<>();
    List<Step> ttls = new ArrayList<>();
    List<Step> deletes = new ArrayList<>();
    Set<String> kept = new HashSet<>();
    for (CloudflareRecord record : current) {
      if (wanted.values().contains(record.value()) && kept.add(record.value())) {
        if (record.ttl() != wanted.ttl()) {
          ttls.add(new Step.SetTtl(record, wanted.ttl()));
        }
      } else {
        deletes.add(new Step.Delete(record));
      }
    }
    for (String value : wanted.values()) {
      if (!kept.contains(value)) {
        creates.add(new Step.Create(wanted, value));
      }
    }
    List<Step> steps = new ArrayList<>();
    if (wanted.type() == RecordType.CNAME) {
      steps.addAll(deletes);
      steps.addAll(creates);
    } else {
      steps.addAll(creates);
      steps.addAll(deletes);
    }
    steps.addAll(ttls);
    return steps;
  }

  private ZoneChange execute(
      List<Step> steps, String name, RecordType type, Optional<RecordSet> wanted) {
    Optional<String> id = zoneId();
    if (id.isEmpty()) {
      return failed(zoneIdFailure, "finding zone " + zone);
    }
    String records = "/zones/" + id.get() + "/dns_records";
    int done = 0;
    for (Step step : steps) {
      ApiResult result = send(records, step);
      if (!(result instanceof ApiResult.Ok)) {
        String state = read(name, type).describe();
        String where =
            " after " + done + " of " + steps.size() + " changes; the zone now holds " + state;
        log.warn("Cloudflare change of {} {} in {} stopped{}", name, type, zone, where);
        return result instanceof ApiResult.Refused refused
            ? new ZoneChange.Rejected(refused.reason() + where)
            : new ZoneChange.Unavailable(((ApiResult.Unavailable) result).reason() + where);
      }
      done++;
    }
    log.info("Cloudflare change of {} {} in {}: {} requests", name, type, zone, steps.size());
    Listing after = list(name, type);
    if (after.failure() != null) {
      return failed(after.failure(), "reading " + name + " " + type + " after the change");
    }
    if (after.set().equals(wanted)) {
      return new ZoneChange.Applied(after.set());
    }
    return new ZoneChange.NotApplied(
        after.set(),
        "Cloudflare accepted the change of "
            + name
            + " "
            + type
            + " but now holds "
            + after.set().map(s -> s.describe().replace("\n", "; ")).orElse("nothing")
            + " instead of "
            + wanted.map(s -> s.describe().replace("\n", "; ")).orElse("nothing"));
  }

  private ApiResult send(String records, Step step) {
    if (step instanceof Step.Create create) {
      return api.post(
          records,
          CloudflareRecord.createBody(api.json().createObjectNode(), create.set(), create.value()));
    }
    if (step instanceof Step.SetTtl ttl) {
      return api.patch(
          records + "/" + ttl.record().id(), api.json().createObjectNode().put("ttl", ttl.ttl()));
    }
    return api.delete(records + "/" + ((Step.Delete) step).record().id());
  }

  private record Listing(
      List<CloudflareRecord> records, Optional<RecordSet> set, ApiResult failure) {}

  private Listing list(String name, RecordType type) {
    String owner;
    try {
      owner = DnsNames.absolute(name);
    } catch (IllegalArgumentException e) {
      return new Listing(List.of(), Optional.empty(), new ApiResult.Refused(e.getMessage()));
    }
    if (!DnsNames.isWithin(owner, zone)) {
      return new Listing(
          List.of(), Optional.empty(), new ApiResult.Refused(owner + " is outside zone " + zone));
    }
    Optional<String> id = zoneId();
    if (id.isEmpty()) {
      return new Listing(List.of(), Optional.empty(), zoneIdFailure);
    }
    List<CloudflareRecord> records = new ArrayList<>();
    for (int page = 1; ; page++) {
      ApiResult result =
          api.get(
              "/zones/"
                  + id.get()
                  + "/dns_records?type="
                  + type.name()
                  + "&name.exact="
                  + encode(CloudflareRecord.withoutDot(owner))
                  + "&per_page="
                  + PAGE_SIZE
                  + "&page="
                  + page);
      if (!(result instanceof ApiResult.Ok ok)) {
        return new Listing(List.of(), Optional.empty(), result);
      }
      for (JsonNode node : ok.result()) {
        CloudflareRecord.fromJson(node)
            .filter(r -> r.type() == type && r.name().equals(owner))
            .ifPresent(records::add);
      }
      if (page >= ok.resultInfo().path("total_pages").asInt(1)) {
        break;
      }
    }
    if (records.isEmpty()) {
      return new Listing(records, Optional.empty(), null);
    }
    long ttl = records.stream().mapToLong(CloudflareRecord::ttl).max().orElseThrow();
    List<String> values = records.stream().map(CloudflareRecord::value).toList();
    return new Listing(records, Optional.of(new RecordSet(owner, type, ttl, values)), null);
  }

  private Optional<String> zoneId() {
    String known = zoneId;
    if (known != null) {
      return Optional.of(known);
    }
    ApiResult result = api.get("/zones?name=" + encode(CloudflareRecord.withoutDot(zone)));
    if (!(result instanceof ApiResult.Ok ok)) {
      zoneIdFailure = result;
      return Optional.empty();
    }
    for (JsonNode candidate : ok.result()) {
      if (DnsNames.absolute(candidate.path("name").asText("")).equals(zone)) {
        zoneId = candidate.path("id").asText();
        return Optional.of(zoneId);
      }
    }
    zoneIdFailure =
        new ApiResult.Refused(
            "Cloudflare shows no zone named "
                + CloudflareRecord.withoutDot(zone)
                + " to this API token; check the domain and give the token access to the zone");
    return Optional.empty();
  }

  private static boolean same(Optional<RecordSet> current, Optional<RecordSet> expected) {
    if (current.isEmpty() || expected.isEmpty()) {
      return current.isEmpty() && expected.isEmpty();
    }
    return current.get().sameRecords(expected.get());
  }

  private static ZoneChange conflict(
      Optional<RecordSet> current, Optional<RecordSet> expected, String name, RecordType type) {
    return new ZoneChange.Conflict(
        current,
        "The "
            + type
            + " records of "
            + DnsNames.absolute(name)
            + " changed since Cutover read them; expected "
            + expected.map(e -> e.describe().replace("\n", "; ")).orElse("none")
            + ", Cloudflare now holds "
            + current.map(c -> c.describe().replace("\n", "; ")).orElse("none")
            + ". Nothing was changed.");
  }

  private static ZoneChange failed(ApiResult failure, String what) {
    if (failure instanceof ApiResult.Refused refused) {
      return new ZoneChange.Rejected(refused.reason());
    }
    if (failure instanceof ApiResult.Unavailable unavailable) {
      return new ZoneChange.Unavailable(unavailable.reason());
    }
    return new ZoneChange.Unavailable("Cloudflare failed while " + what);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
