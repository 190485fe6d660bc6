package org.cutover.dns.memory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cutover.dns.DnsCredential;
import org.cutover.dns.DnsNames;
import org.cutover.dns.DnsSettingProblem;
import org.cutover.dns.DnsZone;
import org.cutover.dns.DnsZoneProvider;
import org.cutover.dns.DnsZoneSetting;
import org.cutover.dns.DnsZoneSettings;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;
import org.cutover.dns.ZoneChange;
import org.cutover.dns.ZoneRead;

/**
 * Provider {@value #NAME}: zones held in memory, each changed only with its access token (the
 * migration's DNS credential). It is the whole of a new provider: as a bean, a migration with
 * {@code dns.provider} {@value #NAME} runs its DNS steps through it. (A provider of Cutover is a
 * {@code @Component} in its own package; this one is a bean only where a test imports it, so that
 * other tests' applications do not have it.)
 */
public class MemoryZoneProvider implements DnsZoneProvider {

  public static final String NAME = "memory";

  private final Map<String, Records> zones = new ConcurrentHashMap<>();

  /** Serves {@code apex} with these records; changes need {@code token}. */
  public void serve(String apex, String token, RecordSet... records) {
    Records zone = new Records(token);
    for (RecordSet set : records) {
      zone.sets.put(key(set.name(), set.type()), set);
    }
    zones.put(DnsNames.absolute(apex), zone);
  }

  /** What the zone holds now at that name and type. */
  public Optional<RecordSet> held(String apex, String name, RecordType type) {
    return Optional.ofNullable(zones.get(DnsNames.absolute(apex)).sets.get(key(name, type)));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<DnsZoneSetting> required() {
    return Set.of(DnsZoneSetting.CREDENTIAL);
  }

  @Override
  public List<DnsSettingProblem> check(DnsZoneSettings settings) {
    String token = settings.credential().reveal();
    return token.isBlank() || token.contains(" ")
        ? List.of(
            DnsSettingProblem.of(DnsZoneSetting.CREDENTIAL, "cutover.dns.credential.invalid", NAME))
        : List.of();
  }

  @Override
  public DnsZone open(DnsZoneSettings settings) {
    String apex = DnsNames.absolute(settings.zone());
    Records records = zones.get(apex);
    if (records == null) {
      throw new IllegalArgumentException("no zone " + apex + " is held in memory");
    }
    return new Opened(apex, records, settings.credential());
  }

  private static String key(String name, RecordType type) {
    return DnsNames.absolute(name) + " " + type;
  }

  private static final class Records {
    final String token;
    final Map<String, RecordSet> sets = new ConcurrentHashMap<>();

    Records(String token) {
      this.token = token;
    }
  }

  private record Opened(String zone, Records records, DnsCredential credential) implements DnsZone {

    @Override
    public String describe() {
      return "zone " + zone + " held in memory";
    }

    @Override
    public ZoneRead read(String name, RecordType type) {
      RecordSet set = records.sets.get(key(name, type));
      return set == null
          ? new ZoneRead.Absent(DnsNames.absolute(name), type)
          : new ZoneRead.Present(set);
    }

    @Override
    public synchronized ZoneChange upsert(RecordSet wanted, Optional<RecordSet> expected) {
      return change(wanted.name(), wanted.type(), expected, Optional.of(wanted));
    }

    @Override
    public synchronized ZoneChange delete(RecordSet expected) {
      return change(expected.name(), expected.type(), Optional.of(expected), Optional.empty());
    }

    private ZoneChange change(
        String name, RecordType type, Optional<RecordSet> expected, Optional<RecordSet> wanted) {
      if (!records.token.equals(credential.reveal())) {
        return new ZoneChange.Rejected("the token does not open zone " + zone);
      }
      String key = key(name, type);
      Optional<RecordSet> now = Optional.ofNullable(records.sets.get(key));
      boolean asExpected =
          now.isEmpty() ? expected.isEmpty() : expected.filter(now.get()::sameRecords).isPresent();
      if (!asExpected) {
        return new ZoneChange.Conflict(now, name + " " + type + " was changed meanwhile");
      }
      wanted.ifPresentOrElse(set -> records.sets.put(key, set), () -> records.sets.remove(key));
      return new ZoneChange.Applied(wanted);
    }
  }
}
