package org.cutover.mailsync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides which target folder each source folder syncs into: an explicit map first, then the
 * special-use role (the source's Sent goes to the target's Sent whatever either is called, and its
 * subfolders follow), then the same name with the target's prefix and hierarchy separator. Excluded
 * folders are reported, never dropped silently.
 */
final class FolderMapper {

  /** The folder pairs of a mailbox, what was excluded, and what was adapted. */
  record Plan(List<FolderPairing> pairings, List<SkippedFolder> excluded, List<String> notes) {}

  private FolderMapper() {}

  static Plan plan(FolderLister.Listing source, FolderLister.Listing target, SyncOptions options) {
    List<FolderPairing> pairings = new ArrayList<>();
    List<SkippedFolder> excluded = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<RemoteFolder> kept = new ArrayList<>();
    for (RemoteFolder src : source.folders()) {
      if (!src.selectable()) {
        continue;
      }
      String shown = src.displayPath();
      String pattern = excludedBy(shown, options.excludedFolders());
      if (pattern != null) {
        excluded.add(new SkippedFolder(shown, "excluded by pattern '" + pattern + "'"));
        continue;
      }
      kept.add(src);
    }
    Levels levels = new Levels(source, target, options.folderMap(), notes);
    levels.claimAll(kept);
    for (RemoteFolder src : kept) {
      String name = targetName(levels.of(src.path()), target);
      RemoteFolder existing = target.byName(name);
      SpecialUse role =
          src.role() != null && target.withRole(src.role()) == null ? src.role() : null;
      pairings.add(
          new FolderPairing(
              src, existing == null ? name : existing.name(), existing != null, role));
    }
    pairings.sort(INBOX_FIRST_THEN_SHALLOW);
    return new Plan(pairings, excluded, notes);
  }

  /**
   * The order folders are copied in: INBOX first, then parents before their subfolders. A class
   * rather than a chain of comparator lambdas, which a short run would link anew each time.
   */
  private static final Comparator<FolderPairing> INBOX_FIRST_THEN_SHALLOW =
      new Comparator<>() {
        @Override
        public int compare(FolderPairing a, FolderPairing b) {
          int inbox = Boolean.compare(!a.source().isInbox(), !b.source().isInbox());
          return inbox != 0
              ? inbox
              : Integer.compare(a.source().path().size(), b.source().path().size());
        }
      };

  /**
   * The target levels of every source level. A level goes where the folder map sends it, else to
   * the target's folder of its special-use role, else under its parent's target level with the same
   * name (the target's separator replaced). Two source folders never land in one target folder
   * unless the folder map says so: a mapped or special folder keeps the name first, then one whose
   * name is unchanged, then by name; the others get " (2)", " (3)", ... added, and a note says so.
   */
  private static final class Levels {
    private final FolderLister.Listing source;
    private final FolderLister.Listing target;
    private final Map<String, String> folderMap;
    private final List<String> notes;
    private final Map<List<String>, List<String>> resolved = new HashMap<>();
    private final Map<List<String>, List<String>> claimedBy = new HashMap<>();
    private final Map<List<String>, RemoteFolder> sourceByPath = new HashMap<>();

    Levels(
        FolderLister.Listing source,
        FolderLister.Listing target,
        Map<String, String> folderMap,
        List<String> notes) {
      this.source = source;
      this.target = target;
      this.folderMap = folderMap;
      this.notes = notes;
      for (RemoteFolder f : source.folders()) {
        sourceByPath.putIfAbsent(f.path(), f);
      }
    }

    /**
     * Resolves every level of the folders, shallow ones first, in an order that does not depend on
     * the listing.
     */
    void claimAll(List<RemoteFolder> folders) {
      Set<List<String>> all = new HashSet<>();
      for (RemoteFolder f : folders) {
        for (int len = 1; len <= f.path().size(); len++) {
          all.add(f.path().subList(0, len));
        }
      }
      // each level's rank worked out once: a mailbox can hold thousands of folders
      List<Claim> order = new ArrayList<>();
      for (List<String> path : all) {
        order.add(new Claim(path, rank(path), String.join("\0", path)));
      }
      Collections.sort(order);
      for (Claim c : order) {
        of(c.path());
      }
    }

    /** A level to resolve: shallow levels first, then by rank, then by name. */
    private record Claim(List<String> path, int rank, String name) implements Comparable<Claim> {
      @Override
      public int compareTo(Claim other) {
        int byDepth = Integer.compare(path.size(), other.path.size());
        if (byDepth != 0) {
          return byDepth;
        }
        int byRank = Integer.compare(rank, other.rank);
        return byRank != 0 ? byRank : name.compareTo(other.name);
      }
    }

    List<String> of(List<String> path) {
      List<String> done = resolved.get(path);
      if (done != null) {
        return done;
      }
      List<String> mapped = mapped(path);
      if (mapped != null) {
        claimedBy.putIfAbsent(mapped, path);
        resolved.put(path, mapped);
        return mapped;
      }
      List<String> proposed = role(path);
      String level = path.get(path.size() - 1);
      String safe = level;
      if (proposed == null) {
        safe = safe(level);
        proposed =
            path.size() == 1
                ? List.of(safe)
                : concat(of(path.subList(0, path.size() - 1)), List.of(safe));
      }
      List<String> chosen = proposed;
      List<String> owner = claimedBy.get(proposed);
      for (int n = 2; owner != null && !owner.equals(path); n++) {
        List<String> head = proposed.subList(0, proposed.size() - 1);
        chosen = concat(head, List.of(proposed.get(proposed.size() - 1) + " (" + n + ")"));
        owner = claimedBy.get(chosen);
      }
      if (chosen != proposed) {
        String d = String.valueOf(target.delimiter());
        notes.add(
            "Folder '"
                + String.join("/", path)
                + "' would share the target folder '"
                + String.join(d, proposed)
                + "' with '"
                + String.join("/", claimedBy.get(proposed))
                + "' and is named '"
                + String.join(d, chosen)
                + "' on the target");
      } else if (!safe.equals(level)) {
        notes.add(
            "Folder '"
                + String.join("/", path)
                + "': the level '"
                + level
                + "' holds the target's separator '"
                + target.delimiter()
                + "' and is named '"
                + safe
                + "' on the target");
      }
      claimedBy.put(chosen, path);
      resolved.put(path, chosen);
      return chosen;
    }

    /** An explicit map: the longest source prefix wins, subfolders follow. */
    private List<String> mapped(List<String> path) {
      List<String> bestKey = null;
      List<String> bestValue = null;
      for (Map.Entry<String, String> e : folderMap.entrySet()) {
        List<String> key = split(e.getKey());
        if (isPrefix(key, path) && (bestKey == null || key.size() > bestKey.size())) {
          bestKey = key;
          bestValue = split(e.getValue());
        }
      }
      if (bestKey == null) {
        return null;
      }
      return concat(bestValue, path.subList(bestKey.size(), path.size()));
    }

    /** The target's folder of this level's special-use role, if both sides have one. */
    private List<String> role(List<String> path) {
      RemoteFolder folder = sourceByPath.get(path);
      if (folder == null || folder.role() == null || source.withRole(folder.role()) != folder) {
        return null; // a second folder with the same role keeps its own name
      }
      RemoteFolder targetRole = target.withRole(folder.role());
      return targetRole == null ? null : targetRole.path();
    }

    /** Who keeps a contested name: a mapped or special folder, then one whose name is unchanged. */
    private int rank(List<String> path) {
      if (mapped(path) != null || role(path) != null) {
        return 0;
      }
      return path.get(path.size() - 1).indexOf(target.delimiter()) >= 0 ? 2 : 1;
    }

    private String safe(String level) {
      return level.replace(target.delimiter(), '_');
    }
  }

  /** The full target name for a path, with the target's prefix and separator. */
  static String targetName(List<String> parts, FolderLister.Listing target) {
    String joined = String.join(String.valueOf(target.delimiter()), parts);
    // INBOX and its subfolders are never under a prefix ("INBOX." prefixes already start so).
    return parts.get(0).equals("INBOX") ? joined : target.prefix() + joined;
  }

  private static List<String> split(String slashed) {
    List<String> parts = new ArrayList<>(List.of(slashed.split("/", -1)));
    if (!parts.isEmpty() && parts.get(0).equalsIgnoreCase("INBOX")) {
      parts.set(0, "INBOX");
    }
    return parts;
  }

  private static boolean isPrefix(List<String> key, List<String> path) {
    return key.size() <= path.size() && path.subList(0, key.size()).equals(key);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static String excludedBy(String shown, List<String> patterns) {
    for (String pattern : patterns) {
      if (globMatches(pattern, shown)) {
        return pattern;
      }
    }
    return null;
  }

  /**
   * Whether {@code name} matches {@code pattern}, where {@code *} stands for any text and case does
   * not count. The literal pieces between stars are found in order, each as early as it can be:
   * that first fit never misses a match a later fit would find.
   */
  static boolean globMatches(String pattern, String name) {
    int star = pattern.indexOf('*');
    if (star < 0) {
      return pattern.equalsIgnoreCase(name);
    }
    if (!name.regionMatches(true, 0, pattern, 0, star)) {
      return false;
    }
    int at = star; // in name: the text before it is matched
    int from = star + 1; // in pattern
    int next;
    while ((next = pattern.indexOf('*', from)) >= 0) {
      int found = find(name, at, pattern, from, next - from);
      if (found < 0) {
        return false;
      }
      at = found + next - from;
      from = next + 1;
    }
    int tail = pattern.length() - from;
    return name.length() - tail >= at
        && name.regionMatches(true, name.length() - tail, pattern, from, tail);
  }

  /** Where in {@code name}, from {@code start}, a piece of the pattern begins; -1 if nowhere. */
  private static int find(String name, int start, String pattern, int offset, int length) {
    for (int i = start; i + length <= name.length(); i++) {
      if (name.regionMatches(true, i, pattern, offset, length)) {
        return i;
      }
    }
    return -1;
  }
}
