package org.cutover.dns;

import java.util.List;
import java.util.Optional;

/**
 * What the automatic DNS steps would change, read from the zone without changing it: one line per
 * record set, "now → planned", for the administrator to approve before the first change.
 */
public final class DnsPlan {

  private static final String ARROW = " → ";

  private final DnsRunbookRules rules;

  DnsPlan(DnsRunbookRules rules) {
    this.rules = rules;
  }

  /** What {@link MxSteps#lowerMxTtl} would change, as "now → planned"; reads the zone only. */
  public String mxTtl(DnsMigration m) {
    long max = m.maxMxTtl(rules).toSeconds();
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    String head = "MX TTL of " + m.domain() + ": ";
    if (read.known().isEmpty()) {
      return head + "the zone cannot be read now (" + read.describe() + ")";
    }
    Optional<RecordSet> current = read.known().get();
    if (current.isEmpty()) {
      return head + "no MX records, nothing to lower";
    }
    long ttl = current.get().ttl();
    if (ttl <= max) {
      return head + ttl + " s, unchanged (at most " + max + " s already)";
    }
    return head + ttl + " s" + ARROW + max + " s";
  }

  /**
   * What {@link MxSteps#swapMx} would change, as "now → planned"; reads the zone only. Without MX
   * targets the line says the target has not named them yet.
   */
  public String swapMx(DnsMigration m) {
    ZoneRead read = m.zone().read(m.domain(), RecordType.MX);
    String head = "MX records of " + m.domain() + ": ";
    if (read.known().isEmpty()) {
      return head + "the zone cannot be read now (" + read.describe() + ")";
    }
    String now = values(read.known().get());
    List<String> targets = m.mxTargets().stream().map(MxTarget::value).toList();
    if (targets.isEmpty()) {
      return head + now + ARROW + "the target's mail exchangers (not named yet)";
    }
    String planned = String.join(", ", targets);
    if (read.known().get().map(c -> c.values().equals(sorted(m, targets))).orElse(false)) {
      return head + now + ", unchanged (already the target's)";
    }
    return head + now + ARROW + planned;
  }

  /**
   * What {@link AutodiscoverStep#createAutodiscover} would change, as "now → planned"; reads the
   * zone only.
   */
  public String autodiscover(DnsMigration m) {
    String name = DnsNames.below(rules.autodiscoverLabel(), m.domain());
    String target = m.autodiscoverTarget(rules);
    String head = "Autodiscover " + name + ": ";
    ZoneRead cname = m.zone().read(name, RecordType.CNAME);
    if (cname.known().isEmpty()) {
      return head + "the zone cannot be read now (" + cname.describe() + ")";
    }
    RecordSet wanted = RecordSet.of(name, RecordType.CNAME, 0, target);
    if (cname.known().get().map(wanted::sameRecords).orElse(false)) {
      return head + "CNAME " + wanted.values().get(0) + ", unchanged";
    }
    StringBuilder now = new StringBuilder();
    cname.known().get().ifPresent(c -> now.append("CNAME ").append(String.join(", ", c.values())));
    for (RecordType type : List.of(RecordType.A, RecordType.AAAA, RecordType.TXT, RecordType.MX)) {
      ZoneRead read = m.zone().read(name, type);
      if (read.known().isEmpty()) {
        return head + "the zone cannot be read now (" + read.describe() + ")";
      }
      read.known()
          .get()
          .ifPresent(
              set -> {
                if (!now.isEmpty()) {
                  now.append("; ");
                }
                now.append(type).append(' ').append(String.join(", ", set.values()));
              });
    }
    String consent =
        now.isEmpty() || m.autodiscoverConsent()
            ? ""
            : " (replaced only with the migration's consent, which it has not)";
    return head
        + (now.isEmpty() ? "(none)" : now)
        + ARROW
        + "CNAME "
        + wanted.values().get(0)
        + consent;
  }

  /** What {@link SpfStep#mergeSpf} would change, as "now → planned"; reads the zone only. */
  public String spf(DnsMigration m) {
    String include = m.spfInclude(rules);
    String head = "SPF of " + m.domain() + ": ";
    ZoneRead read = m.zone().read(m.domain(), RecordType.TXT);
    if (read.known().isEmpty()) {
      return head + "the zone cannot be read now (" + read.describe() + ")";
    }
    List<String> spf =
        read.known().get().map(RecordSet::texts).orElse(List.of()).stream()
            .filter(SpfRecord::isSpf)
            .toList();
    if (spf.isEmpty()) {
      return head + "(none)" + ARROW + SpfRecord.only(include).text();
    }
    if (spf.size() > 1) {
      return head
          + spf.size()
          + " SPF records; the step stops until they are merged into one by hand";
    }
    SpfRecord existing = SpfRecord.parse(spf.get(0));
    if (existing.includes(include)) {
      return head + existing.text() + ", unchanged (has include:" + include + ")";
    }
    return head + existing.text() + ARROW + existing.withInclude(include).text();
  }

  private static String values(Optional<RecordSet> set) {
    return set.map(s -> String.join(", ", s.values())).orElse("(none)");
  }

  private static List<String> sorted(DnsMigration m, List<String> targets) {
    return RecordSet.of(m.domain(), RecordType.MX, 0, targets.toArray(String[]::new)).values();
  }
}
