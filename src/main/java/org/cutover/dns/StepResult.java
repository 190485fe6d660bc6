package org.cutover.dns;

import java.time.Instant;

/** What a DNS step of the runbook achieved. */
public sealed interface StepResult {

  /** The zone holds what the step wanted (changed now, or already so). */
  record Done(String summary) implements StepResult {}

  /**
   * The change must be made by hand: {@code instruction} is the exact record set, {@code seenNow}
   * what each authoritative server answers at the moment. Run the step again after the change.
   */
  record HumanChangeNeeded(RecordInstruction instruction, String seenNow) implements StepResult {}

  /** Not yet: the old MX TTL has not run out since it was lowered; safe from {@code safeAt}. */
  record NotYet(Instant safeAt, String reason) implements StepResult {}

  /**
   * The step cannot go on until the administrator acts: a record Cutover would overwrite without
   * consent, someone else's concurrent change, a refused key, a broken SPF record. Retrying alone
   * will not help.
   */
  record NeedsAdministrator(String reason) implements StepResult {}

  /** The DNS host or servers could not be reached or answered too slowly; retry later. */
  record Unavailable(String reason) implements StepResult {}
}
