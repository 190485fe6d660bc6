package org.cutover.mailsync;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * The UIDs a server listed (a SEARCH or ESEARCH answer), kept as sorted ranges: a folder of fifty
 * thousand messages with few gaps is a handful of numbers, and membership is a binary search.
 */
final class UidRanges {

  static final UidRanges NONE = new UidRanges(new long[0]);

  /** Start and end of each range, inclusive, sorted and not overlapping. */
  private final long[] bounds;

  private UidRanges(long[] bounds) {
    this.bounds = bounds;
  }

  /** From UIDs in any order, duplicates allowed (a plain SEARCH answer). */
  static UidRanges of(long[] uids) {
    long[] sorted = uids.clone();
    Arrays.sort(sorted);
    long[] out = new long[sorted.length * 2];
    int n = 0;
    for (long u : sorted) {
      if (n > 0 && u <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], u);
      } else {
        out[n++] = u;
        out[n++] = u;
      }
    }
    return new UidRanges(Arrays.copyOf(out, n));
  }

  /** From a sequence set such as {@code 1:5,7,12:10} (an ESEARCH ALL answer). */
  static UidRanges parse(String set) {
    if (set == null || set.isBlank()) {
      return NONE;
    }
    String[] parts = set.trim().split(",");
    long[][] ranges = new long[parts.length][];
    for (int i = 0; i < parts.length; i++) {
      String part = parts[i];
      int colon = part.indexOf(':');
      long a = Long.parseLong(colon < 0 ? part : part.substring(0, colon));
      long b = colon < 0 ? a : Long.parseLong(part.substring(colon + 1));
      ranges[i] = new long[] {Math.min(a, b), Math.max(a, b)};
    }
    Arrays.sort(ranges, (x, y) -> Long.compare(x[0], y[0]));
    long[] out = new long[ranges.length * 2];
    int n = 0;
    for (long[] r : ranges) {
      if (n > 0 && r[0] <= out[n - 1] + 1) {
        out[n - 1] = Math.max(out[n - 1], r[1]);
      } else {
        out[n++] = r[0];
        out[n++] = r[1];
      }
    }
    return new UidRanges(Arrays.copyOf(out, n));
  }

  boolean contains(long uid) {
    int lo = 0;
    int hi = bounds.length / 2 - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (uid < bounds[2 * mid]) {
        hi = mid - 1;
      } else if (uid > bounds[2 * mid + 1]) {
        lo = mid + 1;
      } else {
        return true;
      }
    }
    return false;
  }

  /** How many UIDs. */
  long count() {
    long n = 0;
    for (int i = 0; i < bounds.length; i += 2) {
      n += bounds[i + 1] - bounds[i] + 1;
    }
    return n;
  }

  /** Each UID in ascending order. */
  void forEach(LongConsumer each) {
    for (int i = 0; i < bounds.length; i += 2) {
      for (long u = bounds[i]; u <= bounds[i + 1]; u++) {
        each.accept(u);
      }
    }
  }
}
