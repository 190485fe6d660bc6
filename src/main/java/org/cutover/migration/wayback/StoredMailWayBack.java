package org.cutover.migration.wayback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cutover.mailsync.DeletedOnSource;
import org.cutover.mailsync.FolderSyncState;
import org.cutover.mailsync.MailboxSynchronizer;
import org.cutover.mailsync.SourceAccount;
import org.cutover.mailsync.SyncOutcome;
import org.cutover.mailsync.SyncStateStore;
import org.cutover.mailsync.SyncedMessage;
import org.cutover.mailsync.TargetAccount;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.StoredMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The way back with the mail sync engine, sides swapped: the target is read, the source written.
 * Before the first pass, the forward sync's UID state is turned around (a message the forward sync
 * copied is known on both sides), so only what reached the target after it is copied back, and a
 * flag a user changed on such a message is brought back to its original on the source. Copies on
 * the source are never deleted.
 */
@Component
class StoredMailWayBack implements MailWayBack {

  private static final Logger log = LoggerFactory.getLogger(StoredMailWayBack.class);
  private static final int MAX_TEXT = 16000;

  private final JdbcClient jdbc;
  private final MigrationStore store;
  private final SyncStateStore state;
  private final MailboxSynchronizer synchronizer;
  private final ObjectProvider<MailboxAccounts> accounts;
  private final Clock clock;

  StoredMailWayBack(
      JdbcClient jdbc,
      MigrationStore store,
      SyncStateStore state,
      MailboxSynchronizer synchronizer,
      ObjectProvider<MailboxAccounts> accounts,
      ObjectProvider<Clock> clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.state = state;
    this.synchronizer = synchronizer;
    this.accounts = accounts;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** The reverse pass's own UID state, beside the forward one. */
  static String reverseKey(String mailboxId) {
    return "way-back:" + mailboxId;
  }

  @Override
  public List<String> copyBack(String migrationId) {
    StoredMigration migration =
        store.find(migrationId).orElseThrow(() -> MigrationNotFound.migration(migrationId));
    if (migration.mxSwitchedAt() == null) {
      log.info("Migration {}: MX was never switched, no mail to copy back", migrationId);
      return List.of();
    }
    List<String> notCopied = new ArrayList<>();
    for (MailboxState mailbox : store.mailboxes(migrationId)) {
      List<String> lines = copyBack(migrationId, mailbox);
      lines.forEach(line -> notCopied.add(mailbox.emailAddress() + ": " + line));
    }
    return notCopied;
  }

  private List<String> copyBack(String migrationId, MailboxState mailbox) {
    List<String> notCopied = new ArrayList<>();
    long copied = 0;
    long flags = 0;
    try {
      MailboxAccounts logins =
          accounts.getIfAvailable(
              () -> {
                throw new IllegalStateException(
                    "the mail sync capability is not configured on this node");
              });
      String key = reverseKey(mailbox.id());
      turnAround(mailbox.id(), key);
      SourceAccount source = logins.source(mailbox.id());
      TargetAccount target = logins.target(mailbox.id());
      SyncOutcome outcome =
          synchronizer.sync(
              key,
              new SourceAccount(target.endpoint(), target.login(), target.user()),
              new TargetAccount(source.endpoint(), source.login(), source.user()),
              logins.options(mailbox.id()).toBuilder()
                  .deletedOnSource(DeletedOnSource.KEEP_ON_TARGET)
                  .build(),
              state,
              null);
      copied = outcome.statistics().messagesCopied() + outcome.statistics().messagesAltered();
      flags = outcome.statistics().flagsUpdated();
      if (outcome instanceof SyncOutcome.Synced synced) {
        synced
            .skippedItems()
            .forEach(
                item ->
                    notCopied.add(
                        "message UID "
                            + item.sourceUid()
                            + " in "
                            + item.folder()
                            + " ("
                            + item.size()
                            + " bytes): "
                            + item.reason()
                            + (item.detail() == null ? "" : ", " + item.detail())));
        synced
            .skippedFolders()
            .forEach(folder -> notCopied.add("folder " + folder.folder() + ": " + folder.reason()));
      } else if (outcome instanceof SyncOutcome.Failed failed) {
        notCopied.add(failed.problem());
      } else if (outcome instanceof SyncOutcome.NeedsAdministrator needs) {
        notCopied.add(needs.problem());
      } else if (outcome instanceof SyncOutcome.Unavailable unavailable) {
        notCopied.add(unavailable.problem());
      }
    } catch (RuntimeException e) {
      notCopied.add("nothing copied back: " + e.getMessage());
    }
    record(migrationId, mailbox, copied, flags, notCopied);
    log.info(
        "Migration {} mailbox {}: {} messages copied back to the source, {} flag changes, {} not"
            + " copied",
        migrationId,
        mailbox.id(),
        copied,
        flags,
        notCopied.size());
    return notCopied;
  }

  /**
   * Turns the forward UID state of each folder around, once: the target's UIDs become the ones
   * already synced, pointing at the source's. A folder turned before keeps what the way back
   * recorded since.
   */
  private void turnAround(String mailboxId, String reverseKey) {
    for (String folder : state.folders(mailboxId)) {
      FolderSyncState forward = state.load(mailboxId, folder).orElse(null);
      if (forward == null || state.loadSummary(reverseKey, forward.targetFolder()).isPresent()) {
        continue;
      }
      List<SyncedMessage> reversed =
          forward.synced().stream()
              .map(m -> new SyncedMessage(m.targetUid(), m.sourceUid(), m.flags()))
              .toList();
      state.replace(
          reverseKey,
          new FolderSyncState(
              forward.targetFolder(),
              forward.sourceFolder(),
              forward.targetUidValidity(),
              forward.sourceUidValidity(),
              0,
              0,
              0,
              reversed,
              List.of()));
    }
  }

  private void record(
      String migrationId, MailboxState mailbox, long copied, long flags, List<String> notCopied) {
    String text = notCopied.isEmpty() ? null : String.join("\n", notCopied);
    if (text != null && text.length() > MAX_TEXT) {
      text = text.substring(0, MAX_TEXT - 20) + "\n... (more left out)";
    }
    OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    int updated =
        jdbc.sql(
                "UPDATE mail_way_back SET messages_copied = messages_copied + :copied,"
                    + " flags_updated = flags_updated + :flags, not_copied = :text, copied_at ="
                    + " :now WHERE migration_id = :migration AND mailbox_id = :mailbox")
            .param("copied", copied)
            .param("flags", flags)
            .param("text", text)
            .param("now", now)
            .param("migration", migrationId)
            .param("mailbox", mailbox.id())
            .update();
    if (updated == 0) {
      jdbc.sql(
              "INSERT INTO mail_way_back (migration_id, mailbox_id, email_address,"
                  + " messages_copied, flags_updated, not_copied, copied_at) VALUES (:migration,"
                  + " :mailbox, :address, :copied, :flags, :text, :now)")
          .param("migration", migrationId)
          .param("mailbox", mailbox.id())
          .param("address", mailbox.emailAddress())
          .param("copied", copied)
          .param("flags", flags)
          .param("text", text)
          .param("now", now)
          .update();
    }
  }

  @Override
  public Optional<WayBackReport> report(String migrationId) {
    List<WayBackReport.Mailbox> rows =
        jdbc.sql(
                "SELECT email_address, messages_copied, flags_updated, not_copied, copied_at FROM"
                    + " mail_way_back WHERE migration_id = :id ORDER BY email_address")
            .param("id", migrationId)
            .query(
                (rs, n) ->
                    new WayBackReport.Mailbox(
                        rs.getString("email_address"),
                        rs.getLong("messages_copied"),
                        rs.getLong("flags_updated"),
                        lines(rs.getString("not_copied")),
                        rs.getObject("copied_at", OffsetDateTime.class).toInstant()))
            .list();
    return rows.isEmpty() ? Optional.empty() : Optional.of(new WayBackReport(rows));
  }

  private static List<String> lines(String text) {
    return text == null ? List.of() : List.of(text.split("\n"));
  }
}
