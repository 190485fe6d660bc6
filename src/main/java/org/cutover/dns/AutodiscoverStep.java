package org.cutover.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Creates the Autodiscover CNAME, clearing the name first only with the migration's consent. */
public final class AutodiscoverStep {

  private final ChangeRecorder recorder;
  private final DnsRunbookRules rules;

  AutodiscoverStep(ChangeRecorder recorder, DnsRunbookRules rules) {
    this.recorder = recorder;
    this.rules = rules;
  }

  // ---------------------------------------------------------------- Autodiscover

  /**
   * Creates the CNAME {@code autodiscover.<domain>} to the target. Records already at that name (on
   * premises Exchange usually has one) are removed first, but only with the migration's consent.
   */
  public StepResult createAutodiscover(DnsMigration m) {
    String name = DnsNames.below(rules.autodiscoverLabel(), m.domain());
    String target = m.autodiscoverTarget(rules);
    RecordSet wanted =
        RecordSet.of(name, RecordType.CNAME, rules.autodiscoverTtl().toSeconds(), target);
    ZoneRead cnameRead = m.zone().read(name, RecordType.CNAME);
    if (cnameRead.known().isEmpty()) {
      return ChangeRecorder.unreadable(cnameRead);
    }
    Optional<RecordSet> cname = cnameRead.known().get();
    if (cname.isPresent() && cname.get().sameRecords(wanted)) {
      recorder.settle(m, DnsStep.AUTODISCOVER_CNAME, name, RecordType.CNAME, cname);
      return recorder.done(m, "create Autodiscover", name + " already points to " + target);
    }
    List<RecordSet> inTheWay = new ArrayList<>();
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA, RecordType.TXT, RecordType.MX)) {
      ZoneRead read = m.zone().read(name, type);
      if (read.known().isEmpty()) {
        return ChangeRecorder.unreadable(read);
      }
      if (read.known().get().isPresent()) {
        inTheWay.add(read.known().get().get());
      } else {
        recorder.settle(m, DnsStep.AUTODISCOVER_CLEAR, name, type, Optional.empty());
      }
    }
    cname.ifPresent(inTheWay::add);
    if (!inTheWay.isEmpty() && !m.autodiscoverConsent()) {
      return new StepResult.NeedsAdministrator(
          name
              + " already holds "
              + String.join(
                  "; ", inTheWay.stream().map(s -> s.describe().replace("\n", "; ")).toList())
              + ". The target needs "
              + wanted.describe()
              + " instead. Cutover replaces these records only with your consent: give it in the"
              + " migration's settings (they are restored on rollback), or change them yourself");
    }
    for (RecordSet other : inTheWay) {
      if (other.type() == RecordType.CNAME) {
        continue;
      }
      StepResult cleared =
          recorder.change(
              m,
              DnsStep.AUTODISCOVER_CLEAR,
              Optional.of(other),
              Optional.empty(),
              "Removed " + other.type() + " records of " + name);
      if (!(cleared instanceof StepResult.Done)) {
        return cleared;
      }
    }
    return recorder.change(
        m,
        DnsStep.AUTODISCOVER_CNAME,
        cname,
        Optional.of(wanted),
        "Autodiscover CNAME " + name + " -> " + target + " created");
  }
}
