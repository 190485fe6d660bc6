package org.cutover.directory;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One entry as the directory returned it: its DN and attribute values, attribute names without
 * regard to case (AD spells them one way, OpenLDAP may another).
 */
record DirectoryEntry(String dn, Map<String, List<String>> attributes) {

  DirectoryEntry {
    TreeMap<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    attributes.forEach((name, values) -> byName.put(name, List.copyOf(values)));
    attributes = byName;
  }

  List<String> values(String name) {
    return attributes.getOrDefault(name, List.of());
  }

  String value(String name) {
    List<String> values = values(name);
    return values.isEmpty() ? null : values.get(0);
  }

  boolean hasObjectClass(String objectClass) {
    return values("objectClass").stream().anyMatch(objectClass::equalsIgnoreCase);
  }
}
