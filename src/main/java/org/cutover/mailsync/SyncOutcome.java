package org.cutover.mailsync;

import java.util.List;

/** How one mailbox pass ended. */
public sealed interface SyncOutcome
    permits SyncOutcome.Synced,
        SyncOutcome.NeedsAdministrator,
        SyncOutcome.Unavailable,
        SyncOutcome.Failed {

  SyncStatistics statistics();

  /**
   * What the pass adapted or found worth saying (folder names renamed for the target, keywords it
   * does not keep, copies it altered, folders gone from the source), whether or not it finished.
   */
  List<String> notes();

  /**
   * Every folder that could be synced was; {@code skippedItems} and {@code skippedFolders} list
   * what was left out on purpose (limits, exclusions) or refused by the target within the bad-item
   * limit; {@code notes} says what was adapted (keywords the target does not keep, renamed folder
   * names).
   */
  record Synced(
      SyncStatistics statistics,
      List<SkippedItem> skippedItems,
      List<SkippedFolder> skippedFolders,
      List<String> notes,
      List<FolderTally> tallies)
      implements SyncOutcome {
    public Synced {
      skippedItems = List.copyOf(skippedItems);
      skippedFolders = List.copyOf(skippedFolders);
      notes = List.copyOf(notes);
      tallies = List.copyOf(tallies);
    }

    public Synced(
        SyncStatistics statistics,
        List<SkippedItem> skippedItems,
        List<SkippedFolder> skippedFolders,
        List<String> notes) {
      this(statistics, skippedItems, skippedFolders, notes, List.of());
    }

    /** True when messages were skipped or refused (Microsoft's "synced with errors"). */
    public boolean withSkips() {
      return !skippedItems.isEmpty();
    }
  }

  /**
   * The pass cannot succeed until an administrator changes something: credentials, rights, a
   * certificate to trust, a full target mailbox. Retrying alone will not help.
   */
  record NeedsAdministrator(
      SyncStatistics statistics,
      String problem,
      List<String> errorLog,
      List<String> notes,
      String refusedLogin)
      implements SyncOutcome {
    public NeedsAdministrator {
      errorLog = List.copyOf(errorLog);
      notes = List.copyOf(notes);
    }

    public NeedsAdministrator(
        SyncStatistics statistics, String problem, List<String> errorLog, List<String> notes) {
      this(statistics, problem, errorLog, notes, null);
    }

    public NeedsAdministrator(SyncStatistics statistics, String problem, List<String> errorLog) {
      this(statistics, problem, errorLog, List.of());
    }
  }

  /**
   * A passing trouble outlasted the retries (server unreachable, throttled, connection dropping):
   * run the pass again later; it resumes where it stopped.
   */
  record Unavailable(
      SyncStatistics statistics, String problem, List<String> errorLog, List<String> notes)
      implements SyncOutcome {
    public Unavailable {
      errorLog = List.copyOf(errorLog);
      notes = List.copyOf(notes);
    }

    public Unavailable(SyncStatistics statistics, String problem, List<String> errorLog) {
      this(statistics, problem, errorLog, List.of());
    }
  }

  /**
   * This mailbox could not be synced in this pass (too many messages refused, a folder the target
   * will not create or open); {@code errorLog} says what happened, one line per event.
   */
  record Failed(
      SyncStatistics statistics,
      String problem,
      List<String> errorLog,
      List<SkippedItem> skippedItems,
      List<SkippedFolder> skippedFolders,
      List<String> notes,
      List<FolderTally> tallies)
      implements SyncOutcome {
    public Failed {
      errorLog = List.copyOf(errorLog);
      skippedItems = List.copyOf(skippedItems);
      skippedFolders = List.copyOf(skippedFolders);
      notes = List.copyOf(notes);
      tallies = List.copyOf(tallies);
    }

    public Failed(
        SyncStatistics statistics,
        String problem,
        List<String> errorLog,
        List<SkippedItem> skippedItems,
        List<SkippedFolder> skippedFolders,
        List<String> notes) {
      this(statistics, problem, errorLog, skippedItems, skippedFolders, notes, List.of());
    }

    public Failed(
        SyncStatistics statistics,
        String problem,
        List<String> errorLog,
        List<SkippedItem> skippedItems,
        List<SkippedFolder> skippedFolders) {
      this(statistics, problem, errorLog, skippedItems, skippedFolders, List.of(), List.of());
    }
  }
}
