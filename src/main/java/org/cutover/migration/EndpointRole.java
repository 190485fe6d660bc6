package org.cutover.migration;

/** Which side of the migration an IMAP endpoint is. */
public enum EndpointRole {
  SOURCE,
  TARGET
}
