/**
 * The {@link org.cutover.dns.DnsZone} adapter for Cloudflare DNS (API v4, API token with
 * Zone:DNS:Edit). Cloudflare stores one TTL per record; the adapter reads a record set as the
 * records of one name and type and sets every record's TTL when it changes the set.
 */
package org.cutover.dns.cloudflare;
