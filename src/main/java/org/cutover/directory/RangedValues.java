package org.cutover.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Active Directory's range retrieval: a multi-valued attribute with more values than the server's
 * MaxValRange (1500 by default) comes back as {@code member;range=0-1499}, and the rest is asked
 * for entry by entry with {@code member;range=1500-*} until a range ends in {@code *}. The
 * UnboundID SDK has no support of its own for this AD-only behaviour. Other servers never answer
 * with a range, and their values are taken as they are.
 */
final class RangedValues {

  private static final Pattern RANGE = Pattern.compile("(?i)range=(\\d+)-(\\d+|\\*)");

  private RangedValues() {}

  /**
   * Every value of every attribute of {@code entry} by lower-case base name, the ranges AD left out
   * read from {@code connection}.
   */
  static Map<String, List<String>> of(LDAPInterface connection, SearchResultEntry entry)
      throws LDAPException {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Attribute attribute : entry.getAttributes()) {
      String name = attribute.getBaseName().toLowerCase(Locale.ROOT);
      List<String> into = values.computeIfAbsent(name, ignored -> new ArrayList<>());
      into.addAll(Arrays.asList(attribute.getValues()));
      Range range = rangeOf(attribute);
      if (range != null && !range.last()) {
        into.addAll(rest(connection, entry.getDN(), attribute.getBaseName(), range.high() + 1));
      }
    }
    return values;
  }

  /** The values from {@code next} on, one base search a range, until the last range. */
  private static List<String> rest(LDAPInterface connection, String dn, String baseName, long next)
      throws LDAPException {
    List<String> values = new ArrayList<>();
    while (true) {
      SearchResultEntry more =
          connection.searchForEntry(
              dn,
              SearchScope.BASE,
              Filter.createPresenceFilter("objectClass"),
              baseName + ";range=" + next + "-*");
      Attribute ranged = more == null ? null : ranged(more, baseName);
      if (ranged == null) {
        // The entry is gone, or has no values from here on.
        return values;
      }
      values.addAll(Arrays.asList(ranged.getValues()));
      Range range = rangeOf(ranged);
      if (range.last()) {
        return values;
      }
      if (range.high() < next) {
        throw new DirectoryProblem(
            "$.filter",
            "The directory answered "
                + ranged.getName()
                + " for "
                + dn
                + " when asked for the values from "
                + next
                + "; it does not follow Active Directory's range retrieval");
      }
      next = range.high() + 1;
    }
  }

  private static Attribute ranged(SearchResultEntry entry, String baseName) {
    for (Attribute attribute : entry.getAttributes()) {
      if (attribute.getBaseName().equalsIgnoreCase(baseName) && rangeOf(attribute) != null) {
        return attribute;
      }
    }
    return null;
  }

  /** The range an attribute's options name, or null for an attribute without one. */
  static Range rangeOf(Attribute attribute) {
    for (String option : attribute.getOptions()) {
      Matcher range = RANGE.matcher(option);
      if (range.matches()) {
        long low = Long.parseLong(range.group(1));
        return "*".equals(range.group(2))
            ? new Range(low, -1)
            : new Range(low, Long.parseLong(range.group(2)));
      }
    }
    return null;
  }

  /** {@code low-high}, or {@code low-*} for the last range ({@code high} then -1). */
  record Range(long low, long high) {
    boolean last() {
      return high < 0;
    }
  }
}
