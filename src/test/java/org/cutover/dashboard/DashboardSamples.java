package org.cutover.dashboard;

import java.time.Instant;
import java.util.List;
import org.cutover.mailsync.FolderTally;
import org.cutover.mailsync.SkippedItem;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxSyncReport;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationSamples;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.reports.PassRecords;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Migrations for the dashboard to show, stored as the runbook and the sync leave them: one that
 * completed (its batch deleted), one cancelled, and one migrating whose four mailboxes are synced,
 * synced with a message over the size limit left out, syncing, and failed. The passes all start at
 * {@link #PASS}; the migrating batch's two end {@link #FIRST_ENDED} and {@link #LAST_ENDED}.
 */
public final class DashboardSamples {

  public static final Instant PASS = Instant.parse("2026-03-01T10:00:00Z");
  public static final Instant FIRST_ENDED = PASS.plusSeconds(20 * 60);
  public static final Instant LAST_ENDED = PASS.plusSeconds(45 * 60);
  public static final String TOO_LARGE_SUBJECT = "Quarterly figures with the video";
  public static final String FAILURE = "Login refused by the source: AUTHENTICATIONFAILED";

  /** The ids of the stored migrations. */
  public record Stored(String completed, String cancelled, String migrating) {}

  private final MigrationRegistration registration;
  private final MigrationStore store;
  private final PassRecords passes;
  private final JdbcClient jdbc;

  public DashboardSamples(
      MigrationRegistration registration,
      MigrationStore store,
      PassRecords passes,
      JdbcClient jdbc) {
    this.registration = registration;
    this.store = store;
    this.passes = passes;
    this.jdbc = jdbc;
  }

  public Stored store() {
    String completed = registration.register(MigrationSamples.valid()).migrationId();
    List<MailboxState> finished = mailboxes(completed);
    for (int i = 0; i < finished.size(); i++) {
      synced(finished.get(i), 40, 0, PASS.plusSeconds(600 + i * 900L));
    }
    jdbc.sql(
            "UPDATE mailbox SET status = 'REMOVED', messages_copied = 40, bytes_copied = 400000"
                + " WHERE migration_id = :id")
        .param("id", completed)
        .update();
    phase(completed, "COMPLETED", "REMOVED");

    String cancelled = registration.register(MigrationSamples.valid()).migrationId();
    jdbc.sql("UPDATE mailbox SET status = 'STOPPED' WHERE migration_id = :id")
        .param("id", cancelled)
        .update();
    phase(cancelled, "CANCELLED", "STOPPED");

    String migrating =
        registration
            .register(MigrationSamples.withMailboxes(MigrationSamples.mailboxes(4)))
            .migrationId();
    List<MailboxState> batch = mailboxes(migrating);
    synced(batch.get(0), 120, 0, FIRST_ENDED);
    synced(batch.get(1), 80, 1, LAST_ENDED);
    mailbox(batch.get(1).id(), "SYNCED_WITH_ERRORS", 80, 1, 800_000, null);
    mailbox(batch.get(2).id(), "SYNCING", 0, 0, 0, null);
    jdbc.sql(
            "UPDATE mailbox SET pass_folders_done = 1, pass_folders_total = 4,"
                + " pass_messages_copied = 30, pass_messages_to_copy = 120, pass_bytes_copied ="
                + " 300000, pass_bytes_to_copy = 1200000, last_sync_started_at = :started,"
                + " pass_progress_at = :now WHERE id = :id")
        .param("started", java.sql.Timestamp.from(PASS))
        .param("now", java.sql.Timestamp.from(PASS.plusSeconds(60)))
        .param("id", batch.get(2).id())
        .update();
    mailbox(batch.get(3).id(), "FAILED", 0, 0, 0, FAILURE);
    passes.failed(batch.get(3).id());
    phase(migrating, "MIGRATING", "SYNCING");
    return new Stored(completed, cancelled, migrating);
  }

  public List<MailboxState> mailboxes(String migrationId) {
    return store.mailboxes(migrationId);
  }

  /**
   * A pass that copied {@code copied} messages of INBOX, 10,000 bytes each, and left {@code
   * tooLarge} out.
   */
  private void synced(MailboxState mailbox, long copied, int tooLarge, Instant ended) {
    List<SkippedItem> skipped =
        tooLarge == 0
            ? List.of()
            : List.of(
                new SkippedItem(
                    "INBOX",
                    7,
                    90_000_000,
                    PASS.minusSeconds(86_400),
                    SkippedItem.Reason.TOO_LARGE,
                    "90000000 bytes, over the limit of 36700160",
                    "<video@contoso.com>",
                    TOO_LARGE_SUBJECT));
    passes.record(
        mailbox.id(),
        PASS,
        ended,
        new MailboxSyncReport(
            copied,
            0,
            tooLarge,
            copied * 10_000,
            null,
            0,
            skipped,
            List.of(
                new FolderTally(
                    "INBOX",
                    "INBOX",
                    copied + tooLarge,
                    copied,
                    copied,
                    tooLarge,
                    tooLarge * 90_000_000L,
                    copied,
                    copied * 10_000,
                    org.cutover.mailsync.CopyDigest.EMPTY))));
    mailbox(mailbox.id(), "SYNCED", copied, tooLarge, copied * 10_000, null);
  }

  private void mailbox(
      String id, String status, long copied, long skipped, long bytes, String error) {
    jdbc.sql(
            "UPDATE mailbox SET status = :status, messages_copied = :copied, messages_skipped ="
                + " :skipped, bytes_copied = :bytes, last_error = :error, last_successful_sync ="
                + " :synced WHERE id = :id")
        .param("status", status)
        .param("copied", copied)
        .param("skipped", skipped)
        .param("bytes", bytes)
        .param("error", error)
        .param("synced", status.startsWith("SYNCED") ? java.sql.Timestamp.from(PASS) : null)
        .param("id", id)
        .update();
  }

  private void phase(String id, String phase, String batchStatus) {
    jdbc.sql("UPDATE migration SET phase = :phase, batch_status = :batch WHERE id = :id")
        .param("phase", phase)
        .param("batch", batchStatus)
        .param("id", id)
        .update();
  }
}
