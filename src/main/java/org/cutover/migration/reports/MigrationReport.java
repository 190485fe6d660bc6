package org.cutover.migration.reports;

import java.time.Instant;
import java.util.List;

/**
 * A migration's report: its batch and every mailbox of it, also after the batch is deleted.
 *
 * @param migrationId the migration
 * @param domain its domain
 * @param batchName its batch
 * @param phase the runbook's phase (COMPLETED and CANCELLED once it has ended)
 * @param batchStatus the batch's status (REMOVED once deleted)
 * @param language the administrator's language (en or da)
 * @param createdAt when the report was made
 * @param mailboxes every mailbox, in the batch's order
 */
public record MigrationReport(
    String migrationId,
    String domain,
    String batchName,
    String phase,
    String batchStatus,
    String language,
    Instant createdAt,
    List<MailboxReport> mailboxes) {

  public MigrationReport {
    mailboxes = List.copyOf(mailboxes);
  }

  public long mailboxesWith(String status) {
    return mailboxes.stream().filter(m -> m.status().equals(status)).count();
  }

  public long itemsSynced() {
    return mailboxes.stream().mapToLong(MailboxReport::itemsSynced).sum();
  }

  public long itemsSkipped() {
    return mailboxes.stream().mapToLong(MailboxReport::itemsSkipped).sum();
  }

  public long bytes() {
    return mailboxes.stream().mapToLong(MailboxReport::bytes).sum();
  }

  /** True once the runbook has ended, completed or cancelled. */
  public boolean finished() {
    return "COMPLETED".equals(phase) || "CANCELLED".equals(phase);
  }
}
