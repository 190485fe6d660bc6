/**
 * DNS for the runbook: look-ups asked directly of a zone's authoritative servers and of chosen
 * resolvers (TXT, MX with TTLs, CNAME, NS, SOA, propagation), the {@link org.cutover.dns.DnsZone}
 * port that reads and changes one record set at a time with a compare-and-swap guard, and the
 * runbook's DNS steps ({@link org.cutover.dns.DnsRunbookSteps}) that journal every change for the
 * rollback. Adapters live in sub-packages: {@code rfc2136} (dynamic update signed with TSIG),
 * {@code cloudflare} (API v4), and {@code server} (an in-process authoritative server for the demo
 * and tests). Depends on nothing else of Cutover.
 */
package org.cutover.dns;
