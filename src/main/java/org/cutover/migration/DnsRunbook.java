package org.cutover.migration;

/**
 * The runbook's DNS steps for one migration. Each step is idempotent: it first reads the zone and
 * changes only what is not yet as wanted, and records what it changed (before and after) for the
 * rollback. In guided mode a step never changes the zone; it answers {@link
 * DnsStepOutcome.ManualChangeRequired} until the look-up shows the record in place.
 */
public interface DnsRunbook {

  TxtVerification verifyDomainTxt(String migrationId);

  /** Lowers every MX record's TTL to the configured maximum, remembering the original TTLs. */
  DnsStepOutcome lowerMxTtl(String migrationId);

  /** Replaces all MX records with the target's; refuses (NotYet) before the old TTL ran out. */
  DnsStepOutcome swapMx(String migrationId);

  MxPropagation verifyMxPropagation(String migrationId);

  DnsStepOutcome createAutodiscover(String migrationId);

  /** Gives the MX records the original TTL back. */
  DnsStepOutcome restoreMxTtl(String migrationId);

  /** Undoes every change recorded for the migration (MX, TTL, Autodiscover), newest first. */
  DnsStepOutcome rollback(String migrationId);
}
