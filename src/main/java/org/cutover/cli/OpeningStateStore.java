package org.cutover.cli;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.cutover.mailsync.FolderSyncState;
import org.cutover.mailsync.PendingAppend;
import org.cutover.mailsync.SyncStateStore;
import org.cutover.mailsync.SyncedMessage;

/** A state store that is still being opened: each call waits for it, then passes through. */
final class OpeningStateStore implements SyncStateStore {

  private final Supplier<SyncStateStore> opened;

  OpeningStateStore(Supplier<SyncStateStore> opened) {
    this.opened = opened;
  }

  @Override
  public Optional<FolderSyncState> load(String mailboxKey, String sourceFolder) {
    return opened.get().load(mailboxKey, sourceFolder);
  }

  @Override
  public Optional<FolderSyncState> loadSummary(String mailboxKey, String sourceFolder) {
    return opened.get().loadSummary(mailboxKey, sourceFolder);
  }

  @Override
  public void replace(String mailboxKey, FolderSyncState state) {
    opened.get().replace(mailboxKey, state);
  }

  @Override
  public void beginAppends(String mailboxKey, String sourceFolder, List<PendingAppend> appends) {
    opened.get().beginAppends(mailboxKey, sourceFolder, appends);
  }

  @Override
  public void finishAppends(
      String mailboxKey,
      String sourceFolder,
      List<SyncedMessage> synced,
      Collection<Long> settledSourceUids) {
    opened.get().finishAppends(mailboxKey, sourceFolder, synced, settledSourceUids);
  }

  @Override
  public void updateFlags(String mailboxKey, String sourceFolder, List<SyncedMessage> changed) {
    opened.get().updateFlags(mailboxKey, sourceFolder, changed);
  }

  @Override
  public void forget(String mailboxKey, String sourceFolder, Collection<Long> sourceUids) {
    opened.get().forget(mailboxKey, sourceFolder, sourceUids);
  }

  @Override
  public void markSourceState(
      String mailboxKey, String sourceFolder, long modSeq, long uidNext, long messages) {
    opened.get().markSourceState(mailboxKey, sourceFolder, modSeq, uidNext, messages);
  }

  @Override
  public List<String> folders(String mailboxKey) {
    return opened.get().folders(mailboxKey);
  }

  @Override
  public void deleteFolder(String mailboxKey, String sourceFolder) {
    opened.get().deleteFolder(mailboxKey, sourceFolder);
  }

  @Override
  public void deleteMailbox(String mailboxKey) {
    opened.get().deleteMailbox(mailboxKey);
  }
}
