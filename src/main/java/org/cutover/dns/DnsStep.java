package org.cutover.dns;

/** The runbook step that made a journalled change. */
public enum DnsStep {
  LOWER_MX_TTL,
  SWAP_MX,
  /** A record set at the Autodiscover name removed (with consent) to make room for the CNAME. */
  AUTODISCOVER_CLEAR,
  AUTODISCOVER_CNAME,
  SPF,
  RESTORE_MX_TTL
}
