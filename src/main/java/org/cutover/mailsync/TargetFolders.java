package org.cutover.mailsync;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The target folders of one pass. A missing folder is created (its missing parents first) by the
 * worker about to sync it, so that copying starts at once instead of after every folder of the
 * mailbox was created; and it is subscribed where the source folder is. Safe for the pass's workers
 * at once: two of them creating the same parent is answered by the server's ALREADYEXISTS.
 */
final class TargetFolders {

  private static final Logger log = LoggerFactory.getLogger(TargetFolders.class);

  private final String mailboxKey;
  private final PassRecorder recorder;
  private final char delimiter;
  private final Map<String, FolderPairing> missing = new HashMap<>();
  private final Set<String> present = ConcurrentHashMap.newKeySet();
  private final Map<String, String> refusals = new ConcurrentHashMap<>();
  private final Set<String> subscribed = ConcurrentHashMap.newKeySet();

  TargetFolders(
      String mailboxKey,
      FolderMapper.Plan plan,
      FolderLister.Listing target,
      PassRecorder recorder) {
    this.mailboxKey = mailboxKey;
    this.recorder = recorder;
    this.delimiter = target.delimiter();
    for (FolderPairing p : plan.pairings()) {
      if (!p.targetExists()) {
        missing.putIfAbsent(p.targetName(), p);
      }
    }
    for (RemoteFolder f : target.folders()) {
      if (f.subscribed()) {
        subscribed.add(f.name());
      }
    }
  }

  /**
   * Makes sure the pair's target folder exists and is subscribed when the source's is; false when
   * the target would not create it (recorded as a failed folder).
   *
   * @throws ImapFailure when the connection fails (the worker retries)
   */
  boolean prepare(ImapSession target, FolderPairing p) {
    String name = p.targetName();
    if (missing.containsKey(name) && !present.contains(name)) {
      for (int cut = name.indexOf(delimiter);
          delimiter != '\0' && cut > 0;
          cut = name.indexOf(delimiter, cut + 1)) {
        String parent = name.substring(0, cut);
        if (missing.containsKey(parent) && !present.contains(parent)) {
          create(target, missing.get(parent));
        }
      }
      if (!create(target, p)) {
        recorder.folderFailed(
            p.source().displayPath(),
            "the target would not create folder '" + name + "': " + refusalOf(name),
            false);
        return false;
      }
    }
    if (p.source().subscribed() && subscribed.add(name)) {
      try {
        target.call(
            "SUBSCRIBE " + name,
            proto -> {
              ImapCommands.subscribe(proto, name);
              return null;
            });
      } catch (ImapFailure f) {
        if (f.problem() != EndpointProblem.COMMAND_REFUSED) {
          subscribed.remove(name);
          throw f;
        }
        recorder.note("Could not subscribe target folder '" + name + "': " + f.getMessage());
      }
    }
    return true;
  }

  private String refusalOf(String name) {
    return refusals.getOrDefault(name, "refused");
  }

  /** Creates the folder; true when it exists afterwards. */
  private boolean create(ImapSession target, FolderPairing p) {
    String name = p.targetName();
    String role = p.role() == null ? null : p.role().attribute();
    try {
      target.call(
          "CREATE " + name,
          proto -> {
            ImapCommands.create(proto, name, role);
            return null;
          });
      log.debug(
          "Mailbox {}: created target folder '{}' for '{}'",
          mailboxKey,
          name,
          p.source().displayPath());
    } catch (ImapFailure f) {
      if (f.problem() != EndpointProblem.COMMAND_REFUSED) {
        throw f;
      }
      String text = f.getMessage().toUpperCase(Locale.ROOT);
      if (!text.contains("ALREADYEXISTS") && !text.contains("ALREADY EXISTS")) {
        refusals.put(name, f.getMessage());
        return false;
      }
      // created meanwhile (by another worker, or as a parent), or the same folder spelt otherwise
    }
    present.add(name);
    refusals.remove(name);
    return true;
  }
}
