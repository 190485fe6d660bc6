package org.cutover.migration;

import java.util.ArrayList;
import java.util.List;

/** Broken cross-field rules, each with the field to fix and a message template key. */
final class RuleViolations {

  /**
   * @param property dotted path of the field from the checked record
   * @param index position in the list named by {@code property}'s last part, or null
   * @param leaf the field of that list element, or null
   */
  record Entry(String property, Integer index, String leaf, String template) {}

  private final List<Entry> entries = new ArrayList<>();

  /** A rule broken on a field ({@code "zone"}, or dotted: {@code "dns.zone"}). */
  void on(String property, String template) {
    entries.add(new Entry(property, null, null, template));
  }

  /** A rule broken on a field of one element of a list ({@code mailboxes[3].emailAddress}). */
  void onElement(String list, int index, String leaf, String template) {
    entries.add(new Entry(list, index, leaf, template));
  }

  List<Entry> entries() {
    return entries;
  }
}
