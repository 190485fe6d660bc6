package org.cutover.migration;

import java.util.List;

/**
 * One record set as an administrator must set it at the DNS host: the exact name, type, TTL and
 * values. Used by guided DNS steps.
 */
public record DnsRecordInstruction(String name, String type, long ttlSeconds, List<String> values) {

  public DnsRecordInstruction {
    values = List.copyOf(values);
  }

  /** One line per value, as a zone file would show it. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    for (String value : values) {
      text.append(name).append(' ').append(ttlSeconds).append(" IN ").append(type).append(' ');
      text.append(value).append('\n');
    }
    return text.toString().strip();
  }
}
