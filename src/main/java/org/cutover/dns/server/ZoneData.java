package org.cutover.dns.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The records of one zone, by name and type. Every record set has one TTL: adding a record with
 * another TTL gives the whole set that TTL (as BIND does). Not thread-safe; the server locks.
 */
final class ZoneData {

  private final Name apex;
  private final TreeMap<Name, Map<Integer, List<Record>>> names = new TreeMap<>();

  ZoneData(Name apex, List<Record> records) {
    this.apex = apex;
    for (Record record : records) {
      if (!record.getName().subdomain(apex)) {
        throw new IllegalArgumentException(record.getName() + " is outside zone " + apex);
      }
      add(record);
    }
    if (soa() == null) {
      throw new IllegalArgumentException("Zone " + apex + " has no SOA record at its apex");
    }
    if (find(apex, Type.NS).isEmpty()) {
      throw new IllegalArgumentException("Zone " + apex + " has no NS record at its apex");
    }
  }

  Name apex() {
    return apex;
  }

  SOARecord soa() {
    List<Record> soa = find(apex, Type.SOA);
    return soa.isEmpty() ? null : (SOARecord) soa.get(0);
  }

  /** The record set of {@code type} at {@code name} (empty when none). */
  List<Record> find(Name name, int type) {
    Map<Integer, List<Record>> byType = names.get(name);
    if (byType == null) {
      return List.of();
    }
    return List.copyOf(byType.getOrDefault(type, List.of()));
  }

  /** Every record set at {@code name}. */
  List<List<Record>> all(Name name) {
    Map<Integer, List<Record>> byType = names.get(name);
    if (byType == null) {
      return List.of();
    }
    return byType.values().stream().map(List::copyOf).toList();
  }

  /** Whether {@code name} owns records. */
  boolean inUse(Name name) {
    return names.containsKey(name);
  }

  /** Whether {@code name} owns records or lies above names that do (an empty non-terminal). */
  boolean exists(Name name) {
    if (names.containsKey(name)) {
      return true;
    }
    Name next = names.higherKey(name);
    return next != null && next.subdomain(name);
  }

  /** Adds {@code record}; an equal record only takes the new TTL. The set takes the new TTL. */
  boolean add(Record record) {
    Map<Integer, List<Record>> byType =
        names.computeIfAbsent(record.getName(), n -> new LinkedHashMap<>());
    List<Record> set = byType.computeIfAbsent(record.getType(), t -> new ArrayList<>());
    boolean changed = false;
    List<Record> updated = new ArrayList<>(set.size() + 1);
    boolean present = false;
    for (Record existing : set) {
      if (existing.equals(record)) {
        present = true;
      }
      if (existing.getTTL() != record.getTTL()) {
        changed = true;
      }
      updated.add(withTtl(existing, record.getTTL()));
    }
    if (!present) {
      updated.add(withTtl(record, record.getTTL()));
      changed = true;
    }
    set.clear();
    set.addAll(updated);
    return changed;
  }

  /** Removes the record set of {@code type} at {@code name}. */
  boolean removeSet(Name name, int type) {
    Map<Integer, List<Record>> byType = names.get(name);
    if (byType == null || byType.remove(type) == null) {
      return false;
    }
    if (byType.isEmpty()) {
      names.remove(name);
    }
    return true;
  }

  /** Removes one record (compared without TTL). */
  boolean remove(Record record) {
    Map<Integer, List<Record>> byType = names.get(record.getName());
    if (byType == null) {
      return false;
    }
    List<Record> set = byType.get(record.getType());
    if (set == null || !set.removeIf(r -> r.equals(record))) {
      return false;
    }
    if (set.isEmpty()) {
      byType.remove(record.getType());
    }
    if (byType.isEmpty()) {
      names.remove(record.getName());
    }
    return true;
  }

  /** Increments the SOA serial (RFC 1982 arithmetic). */
  void bumpSerial() {
    SOARecord soa = soa();
    long serial = (soa.getSerial() + 1) & 0xFFFFFFFFL;
    SOARecord next =
        new SOARecord(
            apex,
            DClass.IN,
            soa.getTTL(),
            soa.getHost(),
            soa.getAdmin(),
            serial,
            soa.getRefresh(),
            soa.getRetry(),
            soa.getExpire(),
            soa.getMinimum());
    removeSet(apex, Type.SOA);
    add(next);
  }

  static Record withTtl(Record record, long ttl) {
    if (record.getTTL() == ttl) {
      return record;
    }
    try {
      return Record.fromString(
          record.getName(), record.getType(), DClass.IN, ttl, record.rdataToString(), Name.root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Cannot copy " + record, e);
    }
  }
}
