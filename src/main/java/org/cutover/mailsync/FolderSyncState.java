package org.cutover.mailsync;

import java.util.List;
import java.util.Objects;

/**
 * What is known about one source folder of one mailbox: where it goes, the UIDVALIDITY of both
 * sides when the UIDs were recorded, the copied messages, the appends whose answer is not yet
 * recorded, and the source's state after the last clean pass (for a quick "nothing changed" check;
 * zeros when unknown).
 */
public record FolderSyncState(
    String sourceFolder,
    String targetFolder,
    long sourceUidValidity,
    long targetUidValidity,
    long sourceModSeq,
    long sourceUidNext,
    long sourceMessages,
    List<SyncedMessage> synced,
    List<PendingAppend> pending) {

  public FolderSyncState {
    Objects.requireNonNull(sourceFolder, "sourceFolder");
    Objects.requireNonNull(targetFolder, "targetFolder");
    synced = List.copyOf(Objects.requireNonNullElse(synced, List.of()));
    pending = List.copyOf(Objects.requireNonNullElse(pending, List.of()));
  }

  /** A folder seen for the first time, or re-matched: no marks, no pending appends. */
  static FolderSyncState fresh(
      String sourceFolder,
      String targetFolder,
      long sourceUidValidity,
      long targetUidValidity,
      List<SyncedMessage> synced) {
    return new FolderSyncState(
        sourceFolder,
        targetFolder,
        sourceUidValidity,
        targetUidValidity,
        0,
        0,
        0,
        synced,
        List.of());
  }
}
