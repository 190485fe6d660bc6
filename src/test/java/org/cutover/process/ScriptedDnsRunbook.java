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
import org.cutover.dns.MxPropagationCheck;
import org.cutover.dns.RecordInstruction;
import org.cutover.dns.RecordType;
import org.cutover.dns.StepResult;
import org.cutover.dns.TxtCheck;
import org.cutover.migration.DnsRunbook;

/**
 * A DNS capability whose answers the test scripts. Unscripted steps are done. Like the real one,
 * the MX swap refuses until the original MX TTL has run out since it was lowered.
 */
class ScriptedDnsRunbook implements DnsRunbook {

  static final Duration ORIGINAL_MX_TTL = Duration.ofHours(1);

  /** What a guided step asks the administrator to set. */
  static final RecordInstruction MX_BY_HAND =
      new RecordInstruction(
          RecordInstruction.Action.SET,
          "contoso.com.",
          RecordType.MX,
          3600,
          List.of("0 contoso-com.mail.protection.outlook.com."));

  final List<String> calls = new ArrayList<>();
  final Deque<TxtCheck> txt = new ArrayDeque<>();
  final Deque<MxPropagationCheck> propagation = new ArrayDeque<>();
  private final Map<String, Deque<StepResult>> scripted = new HashMap<>();
  Instant loweredAt;
  Instant swappedAt;

  /** When set, the switch time the DNS change journal reports instead of {@link #swappedAt}. */
  Instant journalledSwitch;

  /** The next answers of a DNS step ("lowerMxTtl", "swapMx", ...), before it is done. */
  ScriptedDnsRunbook script(String step, StepResult... outcomes) {
    scripted.computeIfAbsent(step, s -> new ArrayDeque<>()).addAll(List.of(outcomes));
    return this;
  }

  /** In guided mode: the administrator must set the record, {@code times} times. */
  ScriptedDnsRunbook guided(String step, int times) {
    for (int i = 0; i < times; i++) {
      script(
          step,
          new StepResult.HumanChangeNeeded(
              MX_BY_HAND, "ns1.contoso.com answers: contoso.com 3600 IN MX 10 mail.contoso.com."));
    }
    return this;
  }

  private StepResult next(String step) {
    calls.add(step);
    Deque<StepResult> answers = scripted.get(step);
    if (answers != null && !answers.isEmpty()) {
      return answers.poll();
    }
    return new StepResult.Done(step + " done");
  }

  @Override
  public TxtCheck verifyDomainTxt(String migrationId) {
    calls.add("verifyDomainTxt");
    return txt.isEmpty() ? new TxtCheck(true, "ns1: MS=ms12345678") : txt.poll();
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
  public StepResult lowerMxTtl(String migrationId) {
    StepResult outcome = next("lowerMxTtl");
    if (outcome instanceof StepResult.Done && loweredAt == null) {
      loweredAt = EngineClock.now();
    }
    return outcome;
  }

  @Override
  public StepResult swapMx(String migrationId) {
    Instant safeAt = loweredAt.plus(ORIGINAL_MX_TTL);
    if (EngineClock.now().isBefore(safeAt)) {
      calls.add("swapMx");
      return new StepResult.NotYet(safeAt, "the old MX TTL of 3600 s has not run out");
    }
    StepResult outcome = next("swapMx");
    if (outcome instanceof StepResult.Done && swappedAt == null) {
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
  public MxPropagationCheck verifyMxPropagation(String migrationId) {
    calls.add("verifyMxPropagation");
    return propagation.isEmpty()
        ? new MxPropagationCheck(true, "all servers agree")
        : propagation.poll();
  }

  @Override
  public StepResult createAutodiscover(String migrationId) {
    return next("createAutodiscover");
  }

  @Override
  public StepResult publishSpf(String migrationId) {
    return next("publishSpf");
  }

  @Override
  public StepResult restoreMxTtl(String migrationId) {
    return next("restoreMxTtl");
  }

  @Override
  public StepResult rollback(String migrationId) {
    return next("rollback");
  }
}
