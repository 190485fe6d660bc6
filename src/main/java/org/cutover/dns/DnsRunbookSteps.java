package org.cutover.dns;

import java.time.Clock;

/**
 * The runbook's DNS steps, made once over one journal, look-ups, rules and clock and sharing one
 * {@link ChangeRecorder}; the runbook calls each step itself. Each step first reads the zone and
 * changes only what is not yet as wanted, so running it twice changes nothing more; each change is
 * journalled (before, after, when) before it is asked for and marked applied once the zone shows
 * it, so that {@link RollbackStep#rollback} can undo it. With a {@link GuidedZone} (read through
 * {@link #lookups}) no step changes anything: each answers {@link StepResult.HumanChangeNeeded}
 * with the exact record set until the authoritative servers show it.
 *
 * @param lookups the look-ups the steps ask, and a guided zone reads with
 * @param txt verify the domain's verification TXT record
 * @param mx lower the MX TTL, swap MX, check propagation, restore the TTL
 * @param autodiscover create the Autodiscover CNAME
 * @param spf publish SPF for the target
 * @param rollback undo the journalled changes, newest first
 * @param plan what the changing steps would change, read from the zone only
 */
public record DnsRunbookSteps(
    DnsLookups lookups,
    TxtStep txt,
    MxSteps mx,
    AutodiscoverStep autodiscover,
    SpfStep spf,
    RollbackStep rollback,
    DnsPlan plan) {

  public DnsRunbookSteps(
      DnsChangeJournal journal, DnsLookups lookups, DnsRunbookRules rules, Clock clock) {
    this(lookups, new ChangeRecorder(journal, lookups, clock), rules);
  }

  private DnsRunbookSteps(DnsLookups lookups, ChangeRecorder recorder, DnsRunbookRules rules) {
    this(
        lookups,
        new TxtStep(recorder),
        new MxSteps(recorder, rules),
        new AutodiscoverStep(recorder, rules),
        new SpfStep(recorder, rules),
        new RollbackStep(recorder),
        new DnsPlan(rules));
  }
}
