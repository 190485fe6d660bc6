package org.cutover.mailsync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** {@link SyncStateStore} in memory: for tests, benchmarks and one-off runs. Thread-safe. */
public final class InMemorySyncStateStore implements SyncStateStore {

  private record Key(String mailbox, String folder) {

    // Written out: the generated ones are linked on first use, which costs a short run more
    // than all its look-ups.
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(mailbox, k.mailbox)
          && Objects.equals(folder, k.folder);
    }

    @Override
    public int hashCode() {
      return 31 * Objects.hashCode(mailbox) + Objects.hashCode(folder);
    }
  }

  /**
   * A folder's synced messages, read when first needed: a state file holds every folder of a
   * mailbox, and a pass that finds most folders unchanged needs only their headers.
   */
  interface UnreadMessages {
    List<SyncedMessage> read();
  }

  private static final class Folder {
    FolderSyncState header;
    private final TreeMap<Long, SyncedMessage> synced = new TreeMap<>();
    final LinkedHashMap<Long, PendingAppend> pending = new LinkedHashMap<>();
    UnreadMessages unread;

    /** Changes to messages not read yet, in order: made when they are read. */
    private final List<Consumer<TreeMap<Long, SyncedMessage>>> later = new ArrayList<>();

    /** The synced messages by source UID, read first if they were not yet. */
    TreeMap<Long, SyncedMessage> synced() {
      if (unread != null) {
        unread.read().forEach(m -> synced.put(m.sourceUid(), m));
        unread = null;
        later.forEach(change -> change.accept(synced));
        later.clear();
      }
      return synced;
    }

    /**
     * Changes the synced messages now, or when they are read: a state file read back holds the
     * changes of many passes after each folder's full record.
     */
    void change(Consumer<TreeMap<Long, SyncedMessage>> change) {
      if (unread != null) {
        later.add(change);
      } else {
        change.accept(synced);
      }
    }

    Folder(FolderSyncState state) {
      // the header alone: the messages live in the maps below
      header =
          new FolderSyncState(
              state.sourceFolder(),
              state.targetFolder(),
              state.sourceUidValidity(),
              state.targetUidValidity(),
              state.sourceModSeq(),
              state.sourceUidNext(),
              state.sourceMessages(),
              List.of(),
              List.of());
    }
  }

  private final Map<Key, Folder> folders = new ConcurrentHashMap<>();

  @Override
  public Optional<FolderSyncState> load(String mailboxKey, String sourceFolder) {
    return load(mailboxKey, sourceFolder, true);
  }

  @Override
  public Optional<FolderSyncState> loadSummary(String mailboxKey, String sourceFolder) {
    return load(mailboxKey, sourceFolder, false);
  }

  /** The folder's state; its synced messages only {@code withMessages}. */
  private Optional<FolderSyncState> load(
      String mailboxKey, String sourceFolder, boolean withMessages) {
    Folder f = folders.get(new Key(mailboxKey, sourceFolder));
    if (f == null) {
      return Optional.empty();
    }
    synchronized (f) {
      FolderSyncState h = f.header;
      return Optional.of(
          new FolderSyncState(
              h.sourceFolder(),
              h.targetFolder(),
              h.sourceUidValidity(),
              h.targetUidValidity(),
              h.sourceModSeq(),
              h.sourceUidNext(),
              h.sourceMessages(),
              withMessages ? new ArrayList<>(f.synced().values()) : List.of(),
              new ArrayList<>(f.pending.values())));
    }
  }

  @Override
  public void replace(String mailboxKey, FolderSyncState state) {
    Folder f = new Folder(state);
    state.synced().forEach(m -> f.synced.put(m.sourceUid(), m));
    state.pending().forEach(p -> f.pending.put(p.sourceUid(), p));
    folders.put(new Key(mailboxKey, state.sourceFolder()), f);
  }

  /**
   * As {@link #replace}, with the synced messages (those of {@code state} are ignored) read later.
   */
  void replace(String mailboxKey, FolderSyncState state, UnreadMessages messages) {
    Folder f = new Folder(state);
    f.unread = messages;
    state.pending().forEach(p -> f.pending.put(p.sourceUid(), p));
    folders.put(new Key(mailboxKey, state.sourceFolder()), f);
  }

  /**
   * The folder's state as it is held: its synced messages in {@code state} when they were read,
   * else still {@code unread} (and {@code state} has none).
   */
  record Held(FolderSyncState state, UnreadMessages unread) {}

  Held held(String mailboxKey, String sourceFolder) {
    Folder f = existing(mailboxKey, sourceFolder);
    synchronized (f) {
      if (!f.later.isEmpty()) {
        f.synced(); // changed since it was recorded: what is held is the result
      }
      return new Held(load(mailboxKey, sourceFolder, f.unread == null).orElseThrow(), f.unread);
    }
  }

  @Override
  public void beginAppends(String mailboxKey, String sourceFolder, List<PendingAppend> appends) {
    Folder f = existing(mailboxKey, sourceFolder);
    synchronized (f) {
      appends.forEach(p -> f.pending.put(p.sourceUid(), p));
    }
  }

  @Override
  public void finishAppends(
      String mailboxKey,
      String sourceFolder,
      List<SyncedMessage> synced,
      Collection<Long> settledSourceUids) {
    Folder f = existing(mailboxKey, sourceFolder);
    synchronized (f) {
      List<SyncedMessage> added = List.copyOf(synced);
      f.change(kept -> added.forEach(m -> kept.put(m.sourceUid(), m)));
      settledSourceUids.forEach(f.pending::remove);
    }
  }

  @Override
  public void updateFlags(String mailboxKey, String sourceFolder, List<SyncedMessage> changed) {
    Folder f = existing(mailboxKey, sourceFolder);
    synchronized (f) {
      List<SyncedMessage> updated = List.copyOf(changed);
      f.change(kept -> updated.forEach(m -> kept.put(m.sourceUid(), m)));
    }
  }

  @Override
  public void forget(String mailboxKey, String sourceFolder, Collection<Long> sourceUids) {
    Folder f = existing(mailboxKey, sourceFolder);
    synchronized (f) {
      List<Long> gone = List.copyOf(sourceUids);
      f.change(kept -> gone.forEach(kept::remove));
    }
  }

  @Override
  public void markSourceState(
      String mailboxKey, String sourceFolder, long modSeq, long uidNext, long messages) {
    Folder f = existing(mailboxKey, sourceFolder);
    synchronized (f) {
      FolderSyncState h = f.header;
      f.header =
          new FolderSyncState(
              h.sourceFolder(),
              h.targetFolder(),
              h.sourceUidValidity(),
              h.targetUidValidity(),
              modSeq,
              uidNext,
              messages,
              List.of(),
              List.of());
    }
  }

  @Override
  public List<String> folders(String mailboxKey) {
    List<String> names = new ArrayList<>();
    for (Key k : folders.keySet()) {
      if (k.mailbox().equals(mailboxKey)) {
        names.add(k.folder());
      }
    }
    Collections.sort(names);
    return Collections.unmodifiableList(names);
  }

  @Override
  public void deleteFolder(String mailboxKey, String sourceFolder) {
    folders.remove(new Key(mailboxKey, sourceFolder));
  }

  @Override
  public void deleteMailbox(String mailboxKey) {
    folders.keySet().removeIf(k -> k.mailbox().equals(mailboxKey));
  }

  /** True when the folder's state is kept here. */
  boolean has(String mailboxKey, String sourceFolder) {
    return folders.containsKey(new Key(mailboxKey, sourceFolder));
  }

  private Folder existing(String mailboxKey, String sourceFolder) {
    Folder f = folders.get(new Key(mailboxKey, sourceFolder));
    if (f == null) {
      throw new IllegalStateException(
          "No sync state for folder '" + sourceFolder + "' of mailbox " + mailboxKey);
    }
    return f;
  }
}
