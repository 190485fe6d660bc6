package org.cutover.dns;

import org.xbill.DNS.Type;

/** The record types the runbook reads or changes. */
public enum RecordType {
  A(Type.A),
  AAAA(Type.AAAA),
  CNAME(Type.CNAME),
  MX(Type.MX),
  NS(Type.NS),
  SOA(Type.SOA),
  TXT(Type.TXT);

  private final int code;

  RecordType(int code) {
    this.code = code;
  }

  /** The type's number on the wire (dnsjava's {@link Type} constant). */
  public int code() {
    return code;
  }

  /** The type for a wire number, if it is one of ours. */
  public static java.util.Optional<RecordType> ofCode(int code) {
    for (RecordType type : values()) {
      if (type.code == code) {
        return java.util.Optional.of(type);
      }
    }
    return java.util.Optional.empty();
  }
}
