package org.cutover.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.cutover.mailsync.FolderSyncState;
import org.cutover.mailsync.PendingAppend;
import org.cutover.mailsync.SyncStateStore;
import org.cutover.mailsync.SyncedMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mail sync engine's UID state in our database (tables {@code mailsync_*}, Flyway V2). Every
 * method is one transaction, so a pass killed at any moment leaves the state as it was before or
 * after the step, never in between.
 */
public class JdbcSyncStateStore implements SyncStateStore {

  private static final HexFormat HEX = HexFormat.of();
  private static final int IN_LIST = 500;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate tx;

  public JdbcSyncStateStore(DataSource dataSource) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
  }

  @Override
  public Optional<FolderSyncState> load(String mailboxKey, String sourceFolder) {
    return load(mailboxKey, sourceFolder, true);
  }

  @Override
  public Optional<FolderSyncState> loadSummary(String mailboxKey, String sourceFolder) {
    return load(mailboxKey, sourceFolder, false);
  }

  /** The folder's state; its per-message pairs only {@code withMessages} (they can be many). */
  private Optional<FolderSyncState> load(
      String mailboxKey, String sourceFolder, boolean withMessages) {
    return tx.execute(
        status -> {
          List<Header> headers =
              jdbc.query(
                  "SELECT id, source_folder, target_folder, source_uid_validity, target_uid_validity,"
                      + " source_mod_seq, source_uid_next, source_messages FROM mailsync_folder"
                      + " WHERE mailbox_key = ? AND source_folder_hash = ?",
                  (rs, i) ->
                      new Header(
                          rs.getLong(1),
                          rs.getString(2),
                          rs.getString(3),
                          rs.getLong(4),
                          rs.getLong(5),
                          rs.getLong(6),
                          rs.getLong(7),
                          rs.getLong(8)),
                  mailboxKey,
                  hash(sourceFolder));
          if (headers.isEmpty()) {
            return Optional.empty();
          }
          Header h = headers.get(0);
          List<SyncedMessage> synced =
              withMessages
                  ? jdbc.query(
                      "SELECT source_uid, target_uid, flags FROM mailsync_message WHERE folder_id ="
                          + " ? ORDER BY source_uid",
                      (rs, i) -> new SyncedMessage(rs.getLong(1), rs.getLong(2), rs.getString(3)),
                      h.id())
                  : List.of();
          List<PendingAppend> pending =
              jdbc.query(
                  "SELECT source_uid, fingerprint, flags, target_uid_floor FROM mailsync_pending_append"
                      + " WHERE folder_id = ? ORDER BY source_uid",
                  (rs, i) ->
                      new PendingAppend(
                          rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                  h.id());
          return Optional.of(
              new FolderSyncState(
                  h.sourceFolder(),
                  h.targetFolder(),
                  h.sourceUidValidity(),
                  h.targetUidValidity(),
                  h.modSeq(),
                  h.uidNext(),
                  h.messages(),
                  synced,
                  pending));
        });
  }

  @Override
  public void replace(String mailboxKey, FolderSyncState state) {
    tx.executeWithoutResult(
        status -> {
          jdbc.update(
              "DELETE FROM mailsync_folder WHERE mailbox_key = ? AND source_folder_hash = ?",
              mailboxKey,
              hash(state.sourceFolder()));
          jdbc.update(
              "INSERT INTO mailsync_folder (mailbox_key, source_folder, source_folder_hash,"
                  + " target_folder, source_uid_validity, target_uid_validity, source_mod_seq,"
                  + " source_uid_next, source_messages, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
              mailboxKey,
              state.sourceFolder(),
              hash(state.sourceFolder()),
              state.targetFolder(),
              state.sourceUidValidity(),
              state.targetUidValidity(),
              state.sourceModSeq(),
              state.sourceUidNext(),
              state.sourceMessages(),
              now());
          long id = folderId(mailboxKey, state.sourceFolder());
          insertSynced(id, state.synced());
          insertPending(id, state.pending());
        });
  }

  @Override
  public void beginAppends(String mailboxKey, String sourceFolder, List<PendingAppend> appends) {
    tx.executeWithoutResult(
        status -> {
          long id = folderId(mailboxKey, sourceFolder);
          deleteIn(
              "mailsync_pending_append",
              id,
              appends.stream().map(PendingAppend::sourceUid).toList());
          insertPending(id, appends);
        });
  }

  @Override
  public void finishAppends(
      String mailboxKey,
      String sourceFolder,
      List<SyncedMessage> synced,
      Collection<Long> settledSourceUids) {
    tx.executeWithoutResult(
        status -> {
          long id = folderId(mailboxKey, sourceFolder);
          upsertSynced(id, synced);
          deleteIn("mailsync_pending_append", id, settledSourceUids);
        });
  }

  @Override
  public void updateFlags(String mailboxKey, String sourceFolder, List<SyncedMessage> changed) {
    tx.executeWithoutResult(
        status -> {
          long id = folderId(mailboxKey, sourceFolder);
          upsertSynced(id, changed);
        });
  }

  @Override
  public void forget(String mailboxKey, String sourceFolder, Collection<Long> sourceUids) {
    tx.executeWithoutResult(
        status -> {
          long id = folderId(mailboxKey, sourceFolder);
          deleteIn("mailsync_message", id, sourceUids);
        });
  }

  @Override
  public void markSourceState(
      String mailboxKey, String sourceFolder, long modSeq, long uidNext, long messages) {
    int rows =
        jdbc.update(
            "UPDATE mailsync_folder SET source_mod_seq = ?, source_uid_next = ?, source_messages = ?,"
                + " updated_at = ? WHERE mailbox_key = ? AND source_folder_hash = ?",
            modSeq,
            uidNext,
            messages,
            now(),
            mailboxKey,
            hash(sourceFolder));
    if (rows == 0) {
      throw missing(mailboxKey, sourceFolder);
    }
  }

  @Override
  public List<String> folders(String mailboxKey) {
    return jdbc.queryForList(
        "SELECT source_folder FROM mailsync_folder WHERE mailbox_key = ? ORDER BY source_folder",
        String.class,
        mailboxKey);
  }

  @Override
  public void deleteFolder(String mailboxKey, String sourceFolder) {
    jdbc.update(
        "DELETE FROM mailsync_folder WHERE mailbox_key = ? AND source_folder_hash = ?",
        mailboxKey,
        hash(sourceFolder));
  }

  @Override
  public void deleteMailbox(String mailboxKey) {
    jdbc.update("DELETE FROM mailsync_folder WHERE mailbox_key = ?", mailboxKey);
  }

  private record Header(
      long id,
      String sourceFolder,
      String targetFolder,
      long sourceUidValidity,
      long targetUidValidity,
      long modSeq,
      long uidNext,
      long messages) {}

  private long folderId(String mailboxKey, String sourceFolder) {
    List<Long> ids =
        jdbc.queryForList(
            "SELECT id FROM mailsync_folder WHERE mailbox_key = ? AND source_folder_hash = ?",
            Long.class,
            mailboxKey,
            hash(sourceFolder));
    if (ids.isEmpty()) {
      throw missing(mailboxKey, sourceFolder);
    }
    return ids.get(0);
  }

  private void upsertSynced(long id, List<SyncedMessage> synced) {
    if (synced.isEmpty()) {
      return;
    }
    deleteIn("mailsync_message", id, synced.stream().map(SyncedMessage::sourceUid).toList());
    insertSynced(id, synced);
  }

  private void insertSynced(long id, List<SyncedMessage> synced) {
    List<Object[]> rows = new ArrayList<>();
    synced.forEach(m -> rows.add(new Object[] {id, m.sourceUid(), m.targetUid(), m.flags()}));
    jdbc.batchUpdate(
        "INSERT INTO mailsync_message (folder_id, source_uid, target_uid, flags) VALUES (?, ?, ?, ?)",
        rows);
  }

  private void insertPending(long id, List<PendingAppend> pending) {
    List<Object[]> rows = new ArrayList<>();
    pending.forEach(
        p ->
            rows.add(
                new Object[] {id, p.sourceUid(), p.fingerprint(), p.flags(), p.targetUidFloor()}));
    jdbc.batchUpdate(
        "INSERT INTO mailsync_pending_append (folder_id, source_uid, fingerprint, flags,"
            + " target_uid_floor) VALUES (?, ?, ?, ?, ?)",
        rows);
  }

  /** Deletes the rows of these source UIDs, a few hundred per statement. */
  private void deleteIn(String table, long folderId, Collection<Long> sourceUids) {
    List<Long> uids = new ArrayList<>(sourceUids);
    for (int from = 0; from < uids.size(); from += IN_LIST) {
      List<Long> chunk = uids.subList(from, Math.min(uids.size(), from + IN_LIST));
      Object[] args = new Object[chunk.size() + 1];
      args[0] = folderId;
      for (int i = 0; i < chunk.size(); i++) {
        args[i + 1] = chunk.get(i);
      }
      jdbc.update(
          "DELETE FROM "
              + table
              + " WHERE folder_id = ? AND source_uid IN ("
              + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
              + ")",
          args);
    }
  }

  private static Timestamp now() {
    return Timestamp.from(Instant.now());
  }

  private static IllegalStateException missing(String mailboxKey, String sourceFolder) {
    return new IllegalStateException(
        "No sync state for folder '" + sourceFolder + "' of mailbox " + mailboxKey);
  }

  static String hash(String folder) {
    try {
      return HEX.formatHex(
          MessageDigest.getInstance("SHA-256").digest(folder.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JVM", e);
    }
  }
}
