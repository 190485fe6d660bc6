package org.cutover.mailsync;

import jakarta.mail.Flags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The flags and keywords of one message, in a canonical order (system flags first, then keywords
 * sorted ignoring case); compared ignoring case as IMAP does. Never holds {@code \Recent}.
 */
record FlagSet(List<String> flags) {

  private static final List<String> SYSTEM =
      List.of("\\Seen", "\\Answered", "\\Flagged", "\\Deleted", "\\Draft");

  static final FlagSet EMPTY = new FlagSet(List.of());

  FlagSet {
    Map<String, String> byKey = new TreeMap<>();
    for (String f : flags) {
      if (f == null || f.isBlank()) {
        continue;
      }
      String canonical = canonical(f.trim());
      if (canonical.equalsIgnoreCase("\\Recent")) {
        continue;
      }
      byKey.putIfAbsent(sortKey(canonical), canonical);
    }
    flags = List.copyOf(byKey.values());
  }

  static FlagSet of(Collection<String> flags) {
    return new FlagSet(new ArrayList<>(flags));
  }

  /** From Angus's parsed FLAGS. */
  static FlagSet of(Flags f) {
    if (f == null) {
      return EMPTY;
    }
    List<String> out = new ArrayList<>();
    for (Flags.Flag s : f.getSystemFlags()) {
      if (s == Flags.Flag.SEEN) {
        out.add("\\Seen");
      } else if (s == Flags.Flag.ANSWERED) {
        out.add("\\Answered");
      } else if (s == Flags.Flag.FLAGGED) {
        out.add("\\Flagged");
      } else if (s == Flags.Flag.DELETED) {
        out.add("\\Deleted");
      } else if (s == Flags.Flag.DRAFT) {
        out.add("\\Draft");
      }
    }
    out.addAll(List.of(f.getUserFlags()));
    return new FlagSet(out);
  }

  /** From the stored form ({@link #stored()}). */
  static FlagSet parse(String stored) {
    if (stored == null || stored.isBlank()) {
      return EMPTY;
    }
    List<String> flags = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= stored.length(); i++) {
      boolean space = i == stored.length() || Character.isWhitespace(stored.charAt(i));
      if (space && start >= 0) {
        flags.add(stored.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return new FlagSet(flags);
  }

  /** Flags separated by single spaces. */
  String stored() {
    return String.join(" ", flags);
  }

  /** The IMAP flag list, e.g. {@code (\Seen $Forwarded)}. */
  String imapList() {
    return "(" + stored() + ")";
  }

  boolean isEmpty() {
    return flags.isEmpty();
  }

  /** The same flags, ignoring case: both lists are in canonical order, so pair by pair. */
  boolean sameAs(FlagSet other) {
    if (flags.size() != other.flags.size()) {
      return false;
    }
    for (int i = 0; i < flags.size(); i++) {
      if (!flags.get(i).equalsIgnoreCase(other.flags.get(i))) {
        return false;
      }
    }
    return true;
  }

  /** The flags here that {@code other} lacks. */
  FlagSet minus(FlagSet other) {
    Set<String> theirs = other.keys();
    List<String> left = new ArrayList<>(flags.size());
    for (String f : flags) {
      if (!theirs.contains(sortKey(f))) {
        left.add(f);
      }
    }
    return new FlagSet(left);
  }

  /** Only the flags {@code rules} lets the target keep. */
  FlagSet keptBy(FlagRules rules) {
    List<String> kept = new ArrayList<>(flags.size());
    for (String f : flags) {
      if (rules.keeps(f)) {
        kept.add(f);
      }
    }
    return kept.size() == flags.size() ? this : new FlagSet(kept);
  }

  Set<String> keys() {
    Set<String> keys = new HashSet<>();
    for (String f : flags) {
      keys.add(sortKey(f));
    }
    return keys;
  }

  static boolean isSystem(String flag) {
    return flag.startsWith("\\");
  }

  private static String canonical(String f) {
    for (String s : SYSTEM) {
      if (s.equalsIgnoreCase(f)) {
        return s;
      }
    }
    return f;
  }

  private static String sortKey(String f) {
    int system = SYSTEM.indexOf(f);
    return system >= 0 ? "0" + system : "1" + f.toLowerCase(Locale.ROOT);
  }

  /** Which flags a target mailbox keeps (its PERMANENTFLAGS). */
  record FlagRules(boolean everything, boolean anyKeyword, Set<String> allowed) {

    static final FlagRules ALL = new FlagRules(true, true, Set.of());

    static FlagRules of(Flags permanent) {
      if (permanent == null) {
        return ALL;
      }
      Map<String, Boolean> allowed = new LinkedHashMap<>();
      FlagSet.of(permanent).flags().forEach(f -> allowed.put(f.toLowerCase(Locale.ROOT), true));
      return new FlagRules(
          false, permanent.contains(Flags.Flag.USER), Set.copyOf(allowed.keySet()));
    }

    boolean keeps(String flag) {
      if (everything) {
        return true;
      }
      if (!isSystem(flag) && anyKeyword) {
        return true;
      }
      return allowed.contains(flag.toLowerCase(Locale.ROOT));
    }
  }
}
