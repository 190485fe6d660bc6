package org.cutover.testsupport.kit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Is every mailbox on server B a faithful copy of server A? Per user, each folder of A is paired
 * with one of B (an explicit map first, then the special-use role, then the same path whatever the
 * separators), and compared as a multiset of messages keyed by the SHA-256 of their bytes; the
 * messages that match are compared on flags and keywords (without \Recent; keywords in any case)
 * and on INTERNALDATE as an instant. Read-only on both sides (EXAMINE, BODY.PEEK).
 */
public final class Fidelity {

  private static final List<String> ROLES =
      List.of("\\sent", "\\drafts", "\\trash", "\\junk", "\\archive", "\\all", "\\flagged");

  /** One side of the comparison. */
  public record Side(String host, int port, boolean tls, KitLogin login) {
    public static Side of(PrivateDovecot server) {
      return new Side("127.0.0.1", server.port(), false, KitLogin.ownPassword());
    }
  }

  /** The verdict, with one line per folder that differs (or per folder with {@code verbose}). */
  public record Result(
      int users,
      int folders,
      long messages,
      long missing,
      long extra,
      long duplicates,
      long flagDiffs,
      long dateDiffs,
      long folderDiffs,
      String report) {

    public boolean identical() {
      return missing == 0
          && extra == 0
          && duplicates == 0
          && flagDiffs == 0
          && dateDiffs == 0
          && folderDiffs == 0;
    }

    public String summary() {
      return String.format(
          Locale.ROOT,
          "compare: %d users, %d folders, %d messages, %d missing, %d extra, %d duplicates,"
              + " %d flag diffs, %d date diffs, %d folder diffs",
          users,
          folders,
          messages,
          missing,
          extra,
          duplicates,
          flagDiffs,
          dateDiffs,
          folderDiffs);
    }

    /** The summary after the folder lines: what an assertion's message should show. */
    public String output() {
      return report + summary();
    }
  }

  private Fidelity() {}

  /** Compares two private servers for the users in {@code users} (comma-separated). */
  public static Result compare(PrivateDovecot a, PrivateDovecot b, String users, String... map) {
    return compare(Side.of(a), Side.of(b), List.of(users.split(",")), folderMap(map), true, false);
  }

  /** Parses {@code "A name=B name"} pairs ({@code /} separates levels on both sides). */
  public static Map<List<String>, List<String>> folderMap(String... pairs) {
    Map<List<String>, List<String>> map = new HashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException("a folder map is 'A name=B name', got " + pair);
      }
      map.put(path(pair.substring(0, eq), '/'), path(pair.substring(eq + 1), '/'));
    }
    return map;
  }

  public static Result compare(
      Side a,
      Side b,
      List<String> users,
      Map<List<String>, List<String>> map,
      boolean specialUse,
      boolean verbose) {
    Tally total = new Tally();
    StringBuilder report = new StringBuilder();
    for (String user : users) {
      try (KitImap left = KitImap.open(a.host(), a.port(), a.tls(), a.login(), user);
          KitImap right = KitImap.open(b.host(), b.port(), b.tls(), b.login(), user)) {
        compareUser(user, left, right, map, specialUse, verbose, total, report);
      }
    }
    return new Result(
        users.size(),
        total.folders,
        total.messages,
        total.missing,
        total.extra,
        total.duplicates,
        total.flagDiffs,
        total.dateDiffs,
        total.folderDiffs,
        report.toString());
  }

  private static final class Tally {
    int folders;
    long messages;
    long missing;
    long extra;
    long duplicates;
    long flagDiffs;
    long dateDiffs;
    long folderDiffs;
  }

  private record Entry(List<String> path, String name, Set<String> attributes) {}

  private static void compareUser(
      String user,
      KitImap a,
      KitImap b,
      Map<List<String>, List<String>> map,
      boolean specialUse,
      boolean verbose,
      Tally t,
      StringBuilder report) {
    List<Entry> aFolders = entries(a);
    List<Entry> bFolders = entries(b);
    Map<List<String>, Entry> bByPath = new HashMap<>();
    for (Entry e : bFolders) {
      bByPath.put(e.path(), e);
    }
    // B path (or a marker for "nowhere") -> the A folders copied into it
    Map<List<String>, List<Entry>> groups = new LinkedHashMap<>();
    Map<List<String>, Entry> destinations = new HashMap<>();
    for (Entry e : aFolders) {
      Entry dest;
      List<String> wanted = e.path();
      if (map.containsKey(e.path())) {
        wanted = map.get(e.path());
        dest = bByPath.get(wanted);
      } else {
        String role = specialUse ? role(e) : null;
        dest = role == null ? bByPath.get(e.path()) : byRole(bFolders, role, e.path(), bByPath);
      }
      List<String> key = dest != null ? dest.path() : missingKey(wanted);
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
      if (dest != null) {
        destinations.put(key, dest);
      }
    }
    Set<List<String>> used = new java.util.HashSet<>();
    for (Map.Entry<List<String>, List<Entry>> g : groups.entrySet()) {
      List<KitImap.Seen> aMsgs = new ArrayList<>();
      for (Entry e : g.getValue()) {
        aMsgs.addAll(read(a, e));
      }
      t.folders += g.getValue().size();
      t.messages += aMsgs.size();
      String label = String.join(" + ", g.getValue().stream().map(e -> show(e.path())).toList());
      Entry dest = destinations.get(g.getKey());
      if (dest == null) {
        t.folderDiffs += g.getValue().size();
        t.missing += aMsgs.size();
        report.append(
            String.format(
                Locale.ROOT,
                "%s  %s: folder missing on B (%d messages)%n",
                user,
                label,
                aMsgs.size()));
        continue;
      }
      used.add(dest.path());
      List<KitImap.Seen> bMsgs = read(b, dest);
      Diff d = diff(aMsgs, bMsgs);
      t.missing += d.missing;
      t.extra += d.extra;
      t.duplicates += d.duplicates;
      t.flagDiffs += d.flags;
      t.dateDiffs += d.dates;
      if (!d.same() || verbose) {
        report.append(
            String.format(
                Locale.ROOT,
                "%s  %s -> %s: A %d, B %d: %s%n",
                user,
                label,
                show(dest.path()),
                aMsgs.size(),
                bMsgs.size(),
                d.same() ? "identical" : d.describe()));
      }
    }
    for (Entry e : bFolders) {
      if (!used.contains(e.path())) {
        List<KitImap.Seen> bMsgs = read(b, e);
        t.extra += bMsgs.size();
        if (!bMsgs.isEmpty() || verbose) {
          report.append(
              String.format(
                  Locale.ROOT,
                  "%s  %s: only on B (%d messages, counted as extra)%n",
                  user,
                  show(e.path()),
                  bMsgs.size()));
        }
      }
    }
  }

  private static List<String> missingKey(List<String> path) {
    List<String> key = new ArrayList<>(List.of("\u0000missing"));
    key.addAll(path);
    return key;
  }

  private static List<Entry> entries(KitImap imap) {
    List<Entry> out = new ArrayList<>();
    for (KitImap.Folder f : imap.folders()) {
      if (f.selectable()) {
        out.add(new Entry(path(f.name(), f.separator()), f.name(), f.attributes()));
      }
    }
    return out;
  }

  private static String role(Entry e) {
    for (String role : ROLES) {
      if (e.attributes().contains(role)) {
        return role;
      }
    }
    return null;
  }

  /** B's folder with that role: the one of the same path if several, else the first; or by name. */
  private static Entry byRole(
      List<Entry> bFolders, String role, List<String> path, Map<List<String>, Entry> bByPath) {
    Entry first = null;
    for (Entry e : bFolders) {
      if (e.attributes().contains(role)) {
        if (e.path().equals(path)) {
          return e;
        }
        if (first == null) {
          first = e;
        }
      }
    }
    return first != null ? first : bByPath.get(path);
  }

  /** A folder name as its levels; INBOX in any case is INBOX. */
  static List<String> path(String name, char separator) {
    List<String> parts =
        new ArrayList<>(
            separator == 0
                ? List.of(name)
                : List.of(
                    name.split(java.util.regex.Pattern.quote(String.valueOf(separator)), -1)));
    if (parts.get(0).equalsIgnoreCase("INBOX")) {
      parts.set(0, "INBOX");
    }
    return List.copyOf(parts);
  }

  private static String show(List<String> path) {
    return String.join("/", path);
  }

  private static List<KitImap.Seen> read(KitImap imap, Entry folder) {
    int total = imap.examine(folder.name());
    List<KitImap.Seen> out = new ArrayList<>(total);
    for (int lo = 1; lo <= total; lo += 500) {
      out.addAll(imap.read(lo, Math.min(total, lo + 499)));
    }
    return out;
  }

  private record Diff(long missing, long extra, long duplicates, long flags, long dates) {
    boolean same() {
      return missing + extra + duplicates + flags + dates == 0;
    }

    String describe() {
      return String.format(
          Locale.ROOT,
          "%d missing, %d extra, %d duplicates, %d flag diffs, %d date diffs",
          missing,
          extra,
          duplicates,
          flags,
          dates);
    }
  }

  private static final Comparator<KitImap.Seen> BY_DATE_AND_FLAGS =
      Comparator.comparing((KitImap.Seen s) -> s.date() == null ? Instant.EPOCH : s.date())
          .thenComparing(s -> String.join(" ", new TreeSet<>(s.flags())));

  private static Diff diff(List<KitImap.Seen> a, List<KitImap.Seen> b) {
    Map<String, List<KitImap.Seen>> byA = group(a);
    Map<String, List<KitImap.Seen>> byB = group(b);
    long missing = 0;
    long extra = 0;
    long duplicates = 0;
    long flags = 0;
    long dates = 0;
    for (Map.Entry<String, List<KitImap.Seen>> e : byA.entrySet()) {
      List<KitImap.Seen> al = e.getValue();
      List<KitImap.Seen> bl = byB.getOrDefault(e.getKey(), List.of());
      al.sort(BY_DATE_AND_FLAGS);
      bl = new ArrayList<>(bl);
      bl.sort(BY_DATE_AND_FLAGS);
      for (int i = 0; i < Math.min(al.size(), bl.size()); i++) {
        if (!al.get(i).flags().equals(bl.get(i).flags())) {
          flags++;
        }
        if (!java.util.Objects.equals(al.get(i).date(), bl.get(i).date())) {
          dates++;
        }
      }
      missing += Math.max(0, al.size() - bl.size());
      duplicates += Math.max(0, bl.size() - al.size());
    }
    for (Map.Entry<String, List<KitImap.Seen>> e : byB.entrySet()) {
      if (!byA.containsKey(e.getKey())) {
        extra += e.getValue().size();
      }
    }
    return new Diff(missing, extra, duplicates, flags, dates);
  }

  private static Map<String, List<KitImap.Seen>> group(List<KitImap.Seen> messages) {
    Map<String, List<KitImap.Seen>> out = new HashMap<>();
    for (KitImap.Seen s : messages) {
      out.computeIfAbsent(s.sha256(), k -> new ArrayList<>()).add(s);
    }
    return out;
  }
}
