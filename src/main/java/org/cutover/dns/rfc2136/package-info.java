/**
 * The {@link org.cutover.dns.DnsZone} adapter for servers that take RFC 2136 dynamic updates signed
 * with TSIG (BIND, Knot, PowerDNS, and Cutover's in-process server).
 */
package org.cutover.dns.rfc2136;
