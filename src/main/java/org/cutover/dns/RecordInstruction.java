package org.cutover.dns;

import java.util.List;

/**
 * What an administrator must do by hand at the DNS host for one record set: set it to exactly these
 * records, or remove it.
 */
public record RecordInstruction(
    Action action, String name, RecordType type, long ttl, List<String> values) {

  public enum Action {
    /** Make the record set exactly these records with this TTL; remove any others of the type. */
    SET,
    /** Remove every record of this type at this name. */
    REMOVE
  }

  public RecordInstruction {
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

  /** A sentence and the zone-file lines, e.g. for a human task. */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (action == Action.SET) {
      text.append("Set the ").append(type).append(" records of ").append(name);
      text.append(" to exactly the following (TTL ").append(ttl).append(" s), removing any other ");
      text.append(type).append(" records there:");
    } else {
      text.append("Remove every ").append(type).append(" record of ").append(name).append(':');
    }
    for (String value : values) {
      text.append('\n').append(name).append(' ').append(ttl).append(" IN ").append(type);
      text.append(' ').append(value);
    }
    return text.toString();
  }
}
