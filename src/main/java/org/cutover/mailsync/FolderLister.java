package org.cutover.mailsync;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.angus.mail.imap.protocol.ListInfo;

/** Lists a mailbox's own folders with their roles, below its personal namespace. */
final class FolderLister {

  /** The folders and how names are built on this server. */
  record Listing(
      List<RemoteFolder> folders,
      String prefix,
      char delimiter,
      java.util.Map<String, ImapCommands.FolderStatus> statuses) {

    RemoteFolder byName(String name) {
      for (RemoteFolder f : folders) {
        if (f.name().equals(name) || f.isInbox() && name.equalsIgnoreCase("INBOX")) {
          return f;
        }
      }
      return null;
    }

    RemoteFolder withRole(SpecialUse role) {
      RemoteFolder best = null;
      for (RemoteFolder f : folders) {
        if (f.role() == role && f.selectable()) {
          if (best == null || f.path().size() < best.path().size()) {
            best = f;
          }
        }
      }
      return best;
    }
  }

  private FolderLister() {}

  /** {@code withModSeq}: ask for HIGHESTMODSEQ (source side only). */
  static Listing list(ImapSession session, boolean withModSeq) {
    ImapCommands.NamespaceInfo ns = session.call("NAMESPACE", ImapCommands::namespace);
    ImapCommands.Listed listed = session.call("LIST", p -> ImapCommands.listFolders(p, withModSeq));
    return build(listed.folders(), ns, listed.statuses());
  }

  static Listing build(List<ListInfo> infos, ImapCommands.NamespaceInfo ns) {
    return build(infos, ns, java.util.Map.of());
  }

  static Listing build(
      List<ListInfo> infos,
      ImapCommands.NamespaceInfo ns,
      java.util.Map<String, ImapCommands.FolderStatus> statuses) {
    String prefix = ns == null ? "" : ns.personalPrefix();
    List<String> others = ns == null ? List.of() : ns.otherPrefixes();
    char delimiter = ns != null && ns.delimiter() != '\0' ? ns.delimiter() : '\0';
    List<RawFolder> raw = new ArrayList<>();
    for (ListInfo li : infos) {
      if (li.name == null || li.name.isEmpty() || inOther(li.name, others)) {
        continue;
      }
      Set<String> attrs = new LinkedHashSet<>();
      for (String a : li.attrs) {
        attrs.add(a.toLowerCase(Locale.ROOT));
      }
      SpecialUse role = null;
      for (String a : attrs) {
        SpecialUse u = SpecialUse.fromAttribute(a);
        if (u != null) {
          role = u;
        }
      }
      char d = li.separator;
      if (delimiter == '\0' && d != '\0') {
        delimiter = d;
      }
      raw.add(new RawFolder(li.name, d, attrs, role));
    }
    EnumSet<SpecialUse> marked = EnumSet.noneOf(SpecialUse.class);
    raw.forEach(
        r -> {
          if (r.role != null) marked.add(r.role);
        });
    List<RemoteFolder> folders = new ArrayList<>();
    for (RawFolder r : raw) {
      List<String> path = pathOf(r.name, r.delimiter, prefix);
      SpecialUse role = r.role;
      if (role == null && path.size() == 1 && !path.get(0).equals("INBOX")) {
        SpecialUse byName = SpecialUse.fromName(path.get(0));
        // Names count only for roles this server does not mark on any folder.
        if (byName != null && !marked.contains(byName)) {
          role = byName;
        }
      }
      folders.add(
          new RemoteFolder(
              r.name,
              r.delimiter,
              path,
              Set.copyOf(r.attrs),
              role,
              r.attrs.contains("\\subscribed")));
    }
    return new Listing(folders, prefix, delimiter == '\0' ? '/' : delimiter, statuses);
  }

  private record RawFolder(String name, char delimiter, Set<String> attrs, SpecialUse role) {}

  static List<String> pathOf(String name, char delimiter, String prefix) {
    if (name.equalsIgnoreCase("INBOX")) {
      return List.of("INBOX");
    }
    String rest = name;
    if (!prefix.isEmpty() && name.startsWith(prefix)) {
      rest = name.substring(prefix.length());
    }
    List<String> parts = new ArrayList<>();
    int start = 0;
    for (int i = delimiter == '\0' ? -1 : rest.indexOf(delimiter);
        i >= 0;
        i = rest.indexOf(delimiter, start)) {
      parts.add(rest.substring(start, i));
      start = i + 1;
    }
    parts.add(rest.substring(start));
    if (!parts.isEmpty() && parts.get(0).equalsIgnoreCase("INBOX")) {
      parts.set(0, "INBOX");
    }
    return List.copyOf(parts);
  }

  private static boolean inOther(String name, List<String> otherPrefixes) {
    for (String p : otherPrefixes) {
      if (name.startsWith(p) || name.equals(p.substring(0, Math.max(0, p.length() - 1)))) {
        return true;
      }
    }
    return false;
  }
}
