package org.cutover.mailsync;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
    List<Pattern> exclusions = new ArrayList<>();
    for (String p : options.excludedFolders()) {
      exclusions.add(glob(p));
    }
    List<FolderPairing> pairings = new ArrayList<>();
    List<SkippedFolder> excluded = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (RemoteFolder src : source.folders()) {
      if (!src.selectable()) {
        continue;
      }
      String shown = src.displayPath();
      String pattern = excludedBy(shown, options.excludedFolders(), exclusions);
      if (pattern != null) {
        excluded.add(new SkippedFolder(shown, "excluded by pattern '" + pattern + "'"));
        continue;
      }
      List<String> path = targetPath(src, source, target, options.folderMap());
      String name = targetName(path, target, notes, shown);
      RemoteFolder existing = target.byName(name);
      SpecialUse role =
          src.role() != null && target.withRole(src.role()) == null ? src.role() : null;
      pairings.add(
          new FolderPairing(
              src, existing == null ? name : existing.name(), existing != null, role));
    }
    pairings.sort(
        Comparator.comparing((FolderPairing p) -> !p.source().isInbox())
            .thenComparing(p -> p.source().path().size()));
    return new Plan(pairings, excluded, notes);
  }

  static List<String> targetPath(
      RemoteFolder src,
      FolderLister.Listing source,
      FolderLister.Listing target,
      Map<String, String> folderMap) {
    List<String> path = src.path();
    // 1. an explicit map: the longest source prefix wins, subfolders follow.
    List<String> bestKey = null;
    List<String> bestValue = null;
    for (Map.Entry<String, String> e : folderMap.entrySet()) {
      List<String> key = split(e.getKey());
      if (isPrefix(key, path) && (bestKey == null || key.size() > bestKey.size())) {
        bestKey = key;
        bestValue = split(e.getValue());
      }
    }
    if (bestKey != null) {
      return concat(bestValue, path.subList(bestKey.size(), path.size()));
    }
    // 2. the nearest special folder at or above this one, if the target has that role.
    for (int len = path.size(); len >= 1; len--) {
      List<String> head = path.subList(0, len);
      RemoteFolder ancestor = byPath(source, head);
      if (ancestor == null || ancestor.role() == null) {
        continue;
      }
      if (source.withRole(ancestor.role()) != ancestor) {
        continue; // a second folder with the same role keeps its own name
      }
      RemoteFolder targetRole = target.withRole(ancestor.role());
      if (targetRole != null) {
        return concat(targetRole.path(), path.subList(len, path.size()));
      }
    }
    // 3. the same name.
    return path;
  }

  /** The full target name for a path, with the target's prefix and separator. */
  static String targetName(
      List<String> path, FolderLister.Listing target, List<String> notes, String sourceShown) {
    char d = target.delimiter();
    List<String> parts = new ArrayList<>();
    for (String part : path) {
      if (part.indexOf(d) >= 0) {
        String safe = part.replace(d, '_');
        notes.add(
            "Folder '"
                + sourceShown
                + "': the level '"
                + part
                + "' holds the target's separator '"
                + d
                + "' and is named '"
                + safe
                + "' on the target");
        part = safe;
      }
      parts.add(part);
    }
    String joined = String.join(String.valueOf(d), parts);
    // INBOX and its subfolders are never under a prefix ("INBOX." prefixes already start so).
    return parts.get(0).equals("INBOX") ? joined : target.prefix() + joined;
  }

  private static RemoteFolder byPath(FolderLister.Listing listing, List<String> path) {
    for (RemoteFolder f : listing.folders()) {
      if (f.path().equals(path)) {
        return f;
      }
    }
    return null;
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

  private static String excludedBy(String shown, List<String> raw, List<Pattern> compiled) {
    for (int i = 0; i < compiled.size(); i++) {
      if (compiled.get(i).matcher(shown).matches()) {
        return raw.get(i);
      }
    }
    return null;
  }

  static Pattern glob(String pattern) {
    return Pattern.compile(globToRegex(pattern), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static String globToRegex(String pattern) {
    StringBuilder re = new StringBuilder();
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*') {
        if (i > start) {
          re.append(Pattern.quote(pattern.substring(start, i)));
        }
        re.append(".*");
        start = i + 1;
      }
    }
    if (start < pattern.length()) {
      re.append(Pattern.quote(pattern.substring(start)));
    }
    return re.toString();
  }
}
