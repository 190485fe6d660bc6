package org.cutover.process;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.migration.DnsRecordInstruction;
import org.cutover.migration.DnsRunbook;
import org.cutover.migration.DnsStepOutcome;
import org.cutover.migration.MxPropagation;
import org.cutover.migration.TxtVerification;

/**
 * A DNS capability whose answers the test scripts. Unscripted steps are done. Like the real one,
 * the MX swap refuses until the original MX TTL has run out since it was lowered.
 */
class ScriptedDnsRunbook implements DnsRunbook {

  static final Duration ORIGINAL_MX_TTL = Duration.ofHours(1);

  /** What a guided step asks the administrator to set. */
  static final DnsRecordInstruction MX_BY_HAND =
      new DnsRecordInstruction(
          DnsRecordInstruction.Action.SET,
          "contoso.com.",
          "MX",
          3600,
          List.of("0 contoso-com.mail.protection.outlook.com."));

  final List<String> calls = new ArrayList<>();
  final Deque<TxtVerification> txt = new ArrayDeque<>();
  final Deque<MxPropagation> propagation = new ArrayDeque<>();
  private final Map<String, Deque<DnsStepOutcome>> scripted = new HashMap<>();
  Instant loweredAt;
  Instant swappedAt;

  /** When set, the switch time the DNS change journal reports instead of {@link #swappedAt}. */
  Instant journalledSwitch;

  /** The next answers of a DNS step ("lowerMxTtl", "swapMx", ...), before it is done. */
  ScriptedDnsRunbook script(String step, DnsStepOutcome... outcomes) {
    scripted.computeIfAbsent(step, s -> new ArrayDeque<>()).addAll(List.of(outcomes));
    return this;
  }

  /** In guided mode: the administrator must set the record, {@code times} times. */
  ScriptedDnsRunbook guided(String step, int times) {
    for (int i = 0; i < times; i++) {
      script(
          step,
          new DnsStepOutcome.ManualChangeRequired(
              MX_BY_HAND, "ns1.contoso.com answers: contoso.com 3600 IN MX 10 mail.contoso.com."));
    }
    return this;
  }

  private DnsStepOutcome next(String step) {
    calls.add(step);
    Deque<DnsStepOutcome> answers = scripted.get(step);
    if (answers != null && !answers.isEmpty()) {
      return answers.poll();
    }
    return new DnsStepOutcome.Done(step + " done");
  }

  @Override
  public TxtVerification verifyDomainTxt(String migrationId) {
    calls.add("verifyDomainTxt");
    return txt.isEmpty() ? new TxtVerification(true, "ns1: MS=ms12345678") : txt.poll();
  }

  /** The plan {@link #planChanges} answers. */
  static final String PLAN =
      "- MX TTL of contoso.com.: 86400 s → 3600 s\n"
          + "- MX records of contoso.com.: 10 mail.contoso.com. → 0"
          + " contoso-com.mail.protection.outlook.com.";

  @Override
  public String planChanges(String migrationId) {
    calls.add("planChanges");
    return PLAN;
  }

  @Override
  public DnsStepOutcome lowerMxTtl(String migrationId) {
    DnsStepOutcome outcome = next("lowerMxTtl");
    if (outcome instanceof DnsStepOutcome.Done && loweredAt == null) {
      loweredAt = EngineClock.now();
    }
    return outcome;
  }

  @Override
  public DnsStepOutcome swapMx(String migrationId) {
    Instant safeAt = loweredAt.plus(ORIGINAL_MX_TTL);
    if (EngineClock.now().isBefore(safeAt)) {
      calls.add("swapMx");
      return new DnsStepOutcome.NotYet(safeAt, "the old MX TTL of 3600 s has not run out");
    }
    DnsStepOutcome outcome = next("swapMx");
    if (outcome instanceof DnsStepOutcome.Done && swappedAt == null) {
      swappedAt = EngineClock.now();
    }
    return outcome;
  }

  @Override
  public Optional<Instant> mxSwitchedAt(String migrationId) {
    calls.add("mxSwitchedAt");
    return Optional.ofNullable(journalledSwitch != null ? journalledSwitch : swappedAt);
  }

  @Override
  public MxPropagation verifyMxPropagation(String migrationId) {
    calls.add("verifyMxPropagation");
    return propagation.isEmpty()
        ? new MxPropagation(true, "all servers agree")
        : propagation.poll();
  }

  @Override
  public DnsStepOutcome createAutodiscover(String migrationId) {
    return next("createAutodiscover");
  }

  @Override
  public DnsStepOutcome publishSpf(String migrationId) {
    return next("publishSpf");
  }

  @Override
  public DnsStepOutcome restoreMxTtl(String migrationId) {
    return next("restoreMxTtl");
  }

  @Override
  public DnsStepOutcome rollback(String migrationId) {
    return next("rollback");
  }
}
