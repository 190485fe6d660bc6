package org.cutover.mailsync;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** IMAP UID sets ({@code 1:5,7,9:12}): formatting sorted UIDs and expanding server answers. */
final class UidSet {

  private UidSet() {}

  /**
   * Sorted distinct UIDs as sets of at most {@code maxRanges} ranges each, so that no command line
   * grows too long.
   */
  static List<String> format(Collection<Long> uids, int maxRanges) {
    long[] sorted = sortedDistinct(uids);
    List<String> out = new ArrayList<>();
    StringBuilder s = new StringBuilder();
    int ranges = 0;
    int i = 0;
    while (i < sorted.length) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
        j++;
      }
      if (s.length() > 0) {
        s.append(',');
      }
      s.append(sorted[i]);
      if (j > i) {
        s.append(':').append(sorted[j]);
      }
      ranges++;
      if (ranges == maxRanges) {
        out.add(s.toString());
        s.setLength(0);
        ranges = 0;
      }
      i = j + 1;
    }
    if (s.length() > 0) {
      out.add(s.toString());
    }
    return out;
  }

  private static long[] sortedDistinct(Collection<Long> uids) {
    long[] all = new long[uids.size()];
    int n = 0;
    for (long uid : uids) {
      all[n++] = uid;
    }
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (distinct == 0 || all[i] != all[distinct - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  /** Expands {@code 4,7:9} to 4, 7, 8, 9 in the order given. */
  static List<Long> expand(String set) {
    List<Long> out = new ArrayList<>();
    for (String part : set.split(",")) {
      int colon = part.indexOf(':');
      if (colon < 0) {
        out.add(Long.parseLong(part.trim()));
      } else {
        long a = Long.parseLong(part.substring(0, colon).trim());
        long b = Long.parseLong(part.substring(colon + 1).trim());
        if (a <= b) {
          for (long u = a; u <= b; u++) {
            out.add(u);
          }
        } else {
          for (long u = a; u >= b; u--) {
            out.add(u);
          }
        }
      }
    }
    return out;
  }
}
