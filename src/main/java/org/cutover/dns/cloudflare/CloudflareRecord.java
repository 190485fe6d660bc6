package org.cutover.dns.cloudflare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.cutover.dns.DnsNames;
import org.cutover.dns.MxTarget;
import org.cutover.dns.RecordSet;
import org.cutover.dns.RecordType;

/**
 * One Cloudflare DNS record, with its value in our zone-file form. Cloudflare writes names without
 * the trailing dot, keeps the MX preference in {@code priority}, takes TXT content as quoted
 * strings (older records may be unquoted) and uses TTL 1 for "automatic" (300 s).
 */
record CloudflareRecord(String id, RecordType type, String name, String value, long ttl) {

  static final long AUTOMATIC_TTL = 1;
  static final long AUTOMATIC_TTL_SECONDS = 300;

  /** The record from an API {@code result} element; empty for types Cutover does not handle. */
  static Optional<CloudflareRecord> fromJson(JsonNode node) {
    Optional<RecordType> type = typeOf(node.path("type").asText(""));
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String name = DnsNames.absolute(node.path("name").asText());
    String content = node.path("content").asText("");
    long ttl = node.path("ttl").asLong(AUTOMATIC_TTL);
    if (ttl == AUTOMATIC_TTL) {
      ttl = AUTOMATIC_TTL_SECONDS;
    }
    String value =
        switch (type.get()) {
          case MX -> node.path("priority").asInt(0) + " " + DnsNames.absolute(content);
          case CNAME, NS -> DnsNames.absolute(content);
          default -> content;
        };
    RecordSet single = RecordSet.of(name, type.get(), ttl, value);
    return Optional.of(
        new CloudflareRecord(
            node.path("id").asText(), type.get(), name, single.values().get(0), ttl));
  }

  /** The request body that creates {@code value} at {@code set}'s name with its TTL. */
  static ObjectNode createBody(ObjectNode body, RecordSet set, String value) {
    body.put("type", set.type().name());
    body.put("name", withoutDot(set.name()));
    body.put("ttl", set.ttl());
    switch (set.type()) {
      case MX -> {
        MxTarget target = MxTarget.parse(value);
        body.put("content", withoutDot(target.host()));
        body.put("priority", target.preference());
      }
      case CNAME, NS -> body.put("content", withoutDot(value));
      default -> body.put("content", value);
    }
    if (set.type() == RecordType.A
        || set.type() == RecordType.AAAA
        || set.type() == RecordType.CNAME) {
      body.put("proxied", false);
    }
    return body;
  }

  static String withoutDot(String name) {
    return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
  }

  private static Optional<RecordType> typeOf(String text) {
    for (RecordType type : RecordType.values()) {
      if (type.name().equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
