package org.cutover.dns;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.xbill.DNS.DClass;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;

/**
 * One record set: every record of one type at one name, with the single TTL they share (RFC 2181
 * §5.2). The name is absolute and lower case with the trailing dot; each value is in zone-file
 * (presentation) form as dnsjava prints it, host names in lower case, e.g. {@code 10
 * mail.contoso.com.} for MX or {@code "v=spf1 mx -all"} for TXT (always quoted). Values are kept
 * sorted and without duplicates, so two record sets with the same records are equal whatever order
 * they were read in.
 */
public record RecordSet(String name, RecordType type, long ttl, List<String> values) {

  /** The longest TTL RFC 2181 allows. */
  public static final long MAX_TTL = 2_147_483_647L;

  public RecordSet {
    name = DnsNames.absolute(name);
    if (type == null) {
      throw new IllegalArgumentException("A record type is required for " + name);
    }
    if (ttl < 0 || ttl > MAX_TTL) {
      throw new IllegalArgumentException(
          "TTL " + ttl + " for " + name + " " + type + " is outside 0.." + MAX_TTL);
    }
    if (values == null || values.isEmpty()) {
      throw new IllegalArgumentException(
          "A record set needs at least one value; " + name + " " + type + " has none");
    }
    values = canonical(name, type, values);
  }

  /** A record set from values in zone-file form (a bare TXT text is quoted for you). */
  public static RecordSet of(String name, RecordType type, long ttl, String... values) {
    return new RecordSet(name, type, ttl, Arrays.asList(values));
  }

  /** A TXT record set with one record per text (each text may be longer than 255 bytes). */
  public static RecordSet txt(String name, long ttl, Collection<String> texts) {
    List<String> values = new ArrayList<>();
    for (String text : texts) {
      values.add(TxtText.presentation(text));
    }
    return new RecordSet(name, RecordType.TXT, ttl, values);
  }

  /** The same records with another TTL. */
  public RecordSet withTtl(long newTtl) {
    return new RecordSet(name, type, newTtl, values);
  }

  /** Whether both hold the same records, whatever their TTLs. */
  public boolean sameRecords(RecordSet other) {
    return other != null
        && name.equals(other.name)
        && type == other.type
        && values.equals(other.values);
  }

  /** The records as dnsjava records with this set's TTL. */
  public List<Record> toRecords() {
    return toRecords(ttl);
  }

  /** The records as dnsjava records with the given TTL (0 for RFC 2136 prerequisites). */
  public List<Record> toRecords(long recordTtl) {
    Name owner = DnsNames.toName(name);
    List<Record> records = new ArrayList<>(values.size());
    for (String value : values) {
      records.add(parse(owner, type, recordTtl, value));
    }
    return records;
  }

  /**
   * The record set made of the given records of one name and type. When their TTLs differ (a
   * provider storing one TTL per record), the longest is taken: that is how long a cache may keep
   * any of them.
   */
  public static RecordSet fromRecords(Collection<? extends Record> records) {
    if (records.isEmpty()) {
      throw new IllegalArgumentException("No records to make a record set from");
    }
    Record first = records.iterator().next();
    RecordType type =
        RecordType.ofCode(first.getType())
            .orElseThrow(
                () -> new IllegalArgumentException("Unsupported record type " + first.getType()));
    long ttl = 0;
    List<String> values = new ArrayList<>();
    for (Record record : records) {
      if (!record.getName().equals(first.getName()) || record.getType() != first.getType()) {
        throw new IllegalArgumentException(
            "Records of different names or types do not make one set: "
                + first.getName()
                + " and "
                + record.getName());
      }
      ttl = Math.max(ttl, record.getTTL());
      values.add(
          record instanceof TXTRecord txt
              ? TxtText.presentation(txt.getStringsAsByteArrays())
              : record.rdataToString());
    }
    return new RecordSet(first.getName().toString(), type, ttl, values);
  }

  /** One line per record, as a zone file shows it. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (String value : values) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(name).append(' ').append(ttl).append(" IN ").append(type).append(' ');
      text.append(value);
    }
    return text.toString();
  }

  /** The MX records of this set, best preference first. */
  public List<MxTarget> mxTargets() {
    if (type != RecordType.MX) {
      throw new IllegalStateException(name + " " + type + " is not an MX record set");
    }
    return toRecords().stream()
        .map(r -> (MXRecord) r)
        .map(r -> new MxTarget(r.getPriority(), r.getTarget().toString()))
        .sorted()
        .toList();
  }

  /** The texts of this TXT set: each record's strings joined, as SPF and verification read them. */
  public List<String> texts() {
    if (type != RecordType.TXT) {
      throw new IllegalStateException(name + " " + type + " is not a TXT record set");
    }
    return toRecords().stream()
        .map(r -> String.join("", ((TXTRecord) r).getStrings(false)))
        .toList();
  }

  private static List<String> canonical(String name, RecordType type, List<String> values) {
    Name owner = DnsNames.toName(name);
    TreeSet<String> sorted = new TreeSet<>(order(type));
    for (String value : values) {
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("An empty value for " + name + " " + type);
      }
      String text = value.strip();
      if (type == RecordType.TXT && !text.startsWith("\"")) {
        text = TxtText.presentation(text);
      }
      Record record = parse(owner, type, 0, text);
      sorted.add(
          switch (type) {
            case TXT -> TxtText.presentation(((TXTRecord) record).getStringsAsByteArrays());
            // names compare without case (RFC 4343): keep them in one case
            case MX, CNAME, NS, SOA -> record.rdataToString().toLowerCase(Locale.ROOT);
            default -> record.rdataToString();
          });
    }
    return List.copyOf(sorted);
  }

  private static Comparator<String> order(RecordType type) {
    if (type == RecordType.MX) {
      return Comparator.comparingInt((String v) -> Integer.parseInt(v.substring(0, v.indexOf(' '))))
          .thenComparing(Comparator.naturalOrder());
    }
    return Comparator.naturalOrder();
  }

  private static Record parse(Name owner, RecordType type, long ttl, String value) {
    try {
      return Record.fromString(owner, type.code(), DClass.IN, ttl, value, Name.root);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a valid " + type + " value for " + owner + ": " + e.getMessage(),
          e);
    }
  }
}
