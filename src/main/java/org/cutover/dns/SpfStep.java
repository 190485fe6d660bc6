package org.cutover.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Merges the target's include into the domain's one SPF record, or creates the record. */
public final class SpfStep {

  private final ChangeRecorder recorder;
  private final DnsRunbookRules rules;

  SpfStep(ChangeRecorder recorder, DnsRunbookRules rules) {
    this.recorder = recorder;
    this.rules = rules;
  }

  // ---------------------------------------------------------------- SPF

  /**
   * Adds {@code include:<spf-include>} to the domain's SPF record keeping every other term, or
   * creates {@code v=spf1 include:<spf-include> -all} when there is none. Other TXT records stay
   * exactly as they are.
   */
  public StepResult mergeSpf(DnsMigration m) {
    ZoneRead read = m.zone().read(m.domain(), RecordType.TXT);
    if (read.known().isEmpty()) {
      return ChangeRecorder.unreadable(read);
    }
    Optional<RecordSet> current = read.known().get();
    List<String> values = current.map(RecordSet::values).orElse(List.of());
    List<String> texts = current.map(RecordSet::texts).orElse(List.of());
    List<Integer> spf = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      if (SpfRecord.isSpf(texts.get(i))) {
        spf.add(i);
      }
    }
    if (spf.size() > 1) {
      return new StepResult.NeedsAdministrator(
          m.domain()
              + " has "
              + spf.size()
              + " SPF records, which makes SPF fail for every message (RFC 7208 permerror);"
              + " merge them into one by hand, then run the step again");
    }
    String include = m.spfInclude(rules);
    SpfRecord merged;
    List<String> wantedTexts = new ArrayList<>();
    if (spf.isEmpty()) {
      merged = SpfRecord.only(include);
    } else {
      SpfRecord existing = SpfRecord.parse(texts.get(spf.get(0)));
      if (existing.includes(include)) {
        recorder.settle(m, DnsStep.SPF, m.domain(), RecordType.TXT, current);
        return recorder.done(
            m, "merge SPF", "The SPF record of " + m.domain() + " already has include:" + include);
      }
      Optional<String> other = existing.includeWithOtherQualifier(include);
      if (other.isPresent()) {
        return new StepResult.NeedsAdministrator(
            "The SPF record of "
                + m.domain()
                + " has '"
                + other.get()
                + "', which blocks mail the target sends; change it by hand");
      }
      merged = existing.withInclude(include);
    }
    if (merged.dnsLookups() > SpfRecord.MAX_DNS_LOOKUPS) {
      return new StepResult.NeedsAdministrator(
          "Adding include:"
              + include
              + " to the SPF record of "
              + m.domain()
              + " would make "
              + merged.dnsLookups()
              + " DNS look-ups, above SPF's limit of 10 (RFC 7208); flatten some includes by hand");
    }
    wantedTexts.add(merged.text());
    List<String> wantedValues = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      if (!spf.contains(i)) {
        wantedValues.add(values.get(i));
      }
    }
    wantedValues.add(RecordSet.txt(m.domain(), 0, wantedTexts).values().get(0));
    long ttl = current.map(RecordSet::ttl).orElse(rules.newTxtTtl().toSeconds());
    RecordSet wanted = new RecordSet(m.domain(), RecordType.TXT, ttl, wantedValues);
    return recorder.change(
        m,
        DnsStep.SPF,
        current,
        Optional.of(wanted),
        "SPF record of " + m.domain() + " is now: " + merged.text());
  }
}
