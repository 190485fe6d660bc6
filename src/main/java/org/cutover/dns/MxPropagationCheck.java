package org.cutover.dns;

/**
 * Whether the new MX records are answered everywhere: every authoritative server (same SOA serial),
 * every resolver, and the old records' TTL has run out since the switch.
 */
public record MxPropagationCheck(boolean complete, String detail) {}
