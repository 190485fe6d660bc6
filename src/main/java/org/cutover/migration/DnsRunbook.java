package org.cutover.migration;

import java.time.Instant;
import java.util.Optional;
import org.cutover.dns.MxPropagationCheck;
import org.cutover.dns.StepResult;
import org.cutover.dns.TxtCheck;

/**
 * The runbook's DNS steps for one migration. Each step is idempotent: it first reads the zone and
 * changes only what is not yet as wanted, and records what it changed (before and after) for the
 * rollback. In guided mode a step never changes the zone; it answers {@link
 * StepResult.HumanChangeNeeded} until the look-up shows the record in place.
 *
 * <p>A step answers {@link StepResult.Done}, {@link StepResult.HumanChangeNeeded} or {@link
 * StepResult.NotYet}; what the DNS steps report as {@link StepResult.NeedsAdministrator} or {@link
 * StepResult.Unavailable} is thrown instead, as {@link StepNeedsAdministrator} (an incident) or
 * {@link TransientStepFailure} (a retry), naming the migration and the step.
 */
public interface DnsRunbook {

  TxtCheck verifyDomainTxt(String migrationId);

  /**
   * The changes the automatic steps would make, read from the zone without changing it: one line
   * per record set (MX TTL, MX records, Autodiscover, SPF), each "now → planned", for the
   * administrator to approve before the first change.
   */
  String planChanges(String migrationId);

  /** Lowers every MX record's TTL to the configured maximum, remembering the original TTLs. */
  StepResult lowerMxTtl(String migrationId);

  /** Replaces all MX records with the target's; refuses (NotYet) before the old TTL ran out. */
  StepResult swapMx(String migrationId);

  /**
   * When the MX records were switched to the target, as the DNS change journal has it (empty when
   * they were not, or the switch was rolled back). "Verify final sync" compares against this time.
   */
  Optional<Instant> mxSwitchedAt(String migrationId);

  MxPropagationCheck verifyMxPropagation(String migrationId);

  StepResult createAutodiscover(String migrationId);

  /**
   * Adds the target's include to the domain's SPF record (or creates one), keeping every other
   * term. Done without a change when the target sends no mail that needs one (an IMAP target
   * without an include in the migration's settings).
   */
  StepResult publishSpf(String migrationId);

  /** Gives the MX records the original TTL back. */
  StepResult restoreMxTtl(String migrationId);

  /** Undoes every change recorded for the migration (MX, TTL, Autodiscover, SPF), newest first. */
  StepResult rollback(String migrationId);
}
