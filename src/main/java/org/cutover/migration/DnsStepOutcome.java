package org.cutover.migration;

import java.time.Instant;

/** What a DNS step of the runbook achieved. */
public sealed interface DnsStepOutcome {

  /** The zone now holds what the step wanted (changed now, or already so). */
  record Done(String summary) implements DnsStepOutcome {}

  /**
   * Guided mode, or the zone cannot be changed by API: the administrator must set this record set
   * by hand; {@code seenNow} says what the authoritative servers answer at the moment.
   */
  record ManualChangeRequired(DnsRecordInstruction instruction, String seenNow)
      implements DnsStepOutcome {}

  /** The step must not run yet (the old MX TTL has not run out); it is safe from {@code safeAt}. */
  record NotYet(Instant safeAt, String reason) implements DnsStepOutcome {}
}
