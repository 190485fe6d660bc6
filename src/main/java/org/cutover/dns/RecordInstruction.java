package org.cutover.dns;

import java.util.List;

/**
 * One change an administrator must make by hand at the DNS host, for one record set (name and
 * type): set it to exactly these records with this TTL, or remove it. Guided DNS steps answer it.
 *
 * @param action whether the record set is to be set or removed
 * @param name the absolute owner name, e.g. {@code contoso.com.}
 * @param type the record type, e.g. {@link RecordType#MX}
 * @param ttl the TTL in seconds to set (for a removal: the TTL the records have now)
 * @param values the values in zone-file form (for a removal: the records to remove)
 */
public record RecordInstruction(
    Action action, String name, RecordType type, long ttl, List<String> values) {

  /** What to do with the record set. */
  public enum Action {
    /** Make the record set exactly these records with this TTL; remove any others of the type. */
    SET,
    /** Remove every record of this type at this name. */
    REMOVE
  }

  public RecordInstruction {
    if (action == null) {
      throw new IllegalArgumentException("A DNS instruction for " + name + " needs an action");
    }
    values = List.copyOf(values);
  }

  /** Set {@code wanted} exactly. */
  public static RecordInstruction set(RecordSet wanted) {
    return new RecordInstruction(
        Action.SET, wanted.name(), wanted.type(), wanted.ttl(), wanted.values());
  }

  /** Remove {@code current} (the records listed are those to remove). */
  public static RecordInstruction remove(RecordSet current) {
    return new RecordInstruction(
        Action.REMOVE, current.name(), current.type(), current.ttl(), current.values());
  }

  /**
   * One sentence in English and Danish saying what to do, then one line per value as a zone file
   * shows it, e.g. for a task in Tasklist.
   */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (action == Action.SET) {
      text.append("Set the ").append(type).append(" records of ").append(name);
      text.append(" to exactly these, TTL ").append(ttl).append(" s, removing any other ");
      text.append(type).append(" record there. / Sæt ").append(type).append("-posterne for ");
      text.append(name).append(" til præcis disse, TTL ").append(ttl);
      text.append(" s, og fjern alle andre ").append(type).append("-poster der:");
    } else {
      text.append("Remove every ").append(type).append(" record of ").append(name);
      text.append(" / Fjern alle ").append(type).append("-poster for ").append(name);
      text.append(':');
    }
    for (String value : values) {
      text.append('\n').append(name).append(' ').append(ttl).append(" IN ").append(type);
      text.append(' ').append(value);
    }
    return text.toString();
  }
}
