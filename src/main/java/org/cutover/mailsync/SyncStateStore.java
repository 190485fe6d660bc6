package org.cutover.mailsync;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the engine keeps per-folder UID state between passes, so that a pass copies only what is
 * new and a pass killed at any moment resumes without duplicates. Each method is one atomic change;
 * implementations must be safe for concurrent calls on different folders.
 *
 * <p>{@code mailboxKey} identifies the source/target mailbox pair (for example the migration's
 * mailbox id); {@code sourceFolder} is the source folder's full name as the source lists it
 * (decoded).
 */
public interface SyncStateStore {

  Optional<FolderSyncState> load(String mailboxKey, String sourceFolder);

  /**
   * As {@link #load} but without the synced messages (their list is empty): enough to tell whether
   * a folder changed since the last pass. Implementations should answer it cheaply.
   */
  default Optional<FolderSyncState> loadSummary(String mailboxKey, String sourceFolder) {
    return load(mailboxKey, sourceFolder)
        .map(
            s ->
                new FolderSyncState(
                    s.sourceFolder(),
                    s.targetFolder(),
                    s.sourceUidValidity(),
                    s.targetUidValidity(),
                    s.sourceModSeq(),
                    s.sourceUidNext(),
                    s.sourceMessages(),
                    java.util.List.of(),
                    s.pending()));
  }

  /** Replaces all that is known about the folder (first contact, re-match after a UID change). */
  void replace(String mailboxKey, FolderSyncState state);

  /**
   * Records appends before they are sent. The folder was stored with {@link #replace} before.
   * Entries for a source UID already pending are replaced.
   */
  void beginAppends(String mailboxKey, String sourceFolder, List<PendingAppend> appends);

  /**
   * Records the outcome of appends in one step: adds (or replaces) {@code synced} and drops the
   * pending entries of {@code settledSourceUids} (appended, found, or given up).
   */
  void finishAppends(
      String mailboxKey,
      String sourceFolder,
      List<SyncedMessage> synced,
      Collection<Long> settledSourceUids);

  /** Records the flags now on the target for already synced messages (by source UID). */
  void updateFlags(String mailboxKey, String sourceFolder, List<SyncedMessage> changed);

  /** Forgets synced messages (deleted on the source). */
  void forget(String mailboxKey, String sourceFolder, Collection<Long> sourceUids);

  /**
   * Stores the source folder's HIGHESTMODSEQ, UIDNEXT and message count after a clean pass (zeros:
   * unknown, check everything next time).
   */
  void markSourceState(
      String mailboxKey, String sourceFolder, long modSeq, long uidNext, long messages);

  /** The source folders stored for the mailbox. */
  List<String> folders(String mailboxKey);

  /** Forgets one folder (it no longer exists on the source). */
  void deleteFolder(String mailboxKey, String sourceFolder);

  /** Forgets everything about the mailbox (batch deleted). */
  void deleteMailbox(String mailboxKey);
}
