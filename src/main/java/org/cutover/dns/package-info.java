/**
 * DNS for the runbook: look-ups asked directly of a zone's authoritative servers and of chosen
 * resolvers (TXT, MX with TTLs, CNAME, NS, SOA, propagation), the {@link org.cutover.dns.DnsZone}
 * port that reads and changes one record set at a time with a compare-and-swap guard, and the
 * runbook's DNS steps ({@link org.cutover.dns.DnsRunbookSteps}: TXT, MX, Autodiscover, SPF,
 * rollback, plan) that journal every change for the rollback and answer one result type each
 * ({@link org.cutover.dns.StepResult}, {@link org.cutover.dns.TxtCheck}, {@link
 * org.cutover.dns.MxPropagationCheck}), which the runbook's process steps read as they are. DNS
 * hosts are {@link org.cutover.dns.DnsZoneProvider} beans found by name ({@link
 * org.cutover.dns.DnsZoneProviders}), each in its own sub-package: {@code rfc2136} (dynamic update
 * signed with TSIG) and {@code cloudflare} (API v4); {@code server} is an in-process authoritative
 * server for the demo and tests. Depends on nothing else of Cutover.
 */
package org.cutover.dns;
