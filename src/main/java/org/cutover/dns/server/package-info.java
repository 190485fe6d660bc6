/**
 * An in-process authoritative DNS server on real UDP and TCP sockets, serving zones from memory and
 * taking RFC 2136 updates signed with TSIG: the DNS host of the demo profile and of fast tests,
 * driven by the same {@link org.cutover.dns.rfc2136.Rfc2136Zone} adapter as BIND. It does not do
 * delegations, wildcards, DNSSEC or zone transfers.
 */
package org.cutover.dns.server;
