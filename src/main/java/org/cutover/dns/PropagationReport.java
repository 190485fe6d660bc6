package org.cutover.dns;

/**
 * Whether a record set is answered everywhere it must be: by every authoritative server with the
 * same SOA serial, then by every configured resolver. {@code detail} has one line per server.
 */
public record PropagationReport(
    boolean authoritativeComplete, boolean resolversComplete, String detail) {

  public boolean complete() {
    return authoritativeComplete && resolversComplete;
  }
}
