package org.cutover.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cutover.migration.BatchProgress;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.ConnectionSecurity;
import org.cutover.migration.DnsMode;
import org.cutover.migration.FinalSweep;
import org.cutover.migration.ImapAuth;
import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.MigrationSummary;
import org.cutover.migration.RecordedDnsChange;
import org.cutover.migration.StoredEndpoint;
import org.cutover.migration.TargetType;
import org.cutover.migration.UserLicence;
import org.cutover.mxproof.MxProofReport;
import org.cutover.mxproof.RecipientAnswer;

/** What the migration endpoints answer; credentials never appear in them. */
final class MigrationViews {

  private MigrationViews() {}

  @Schema(description = "Which mailboxes to sync now")
  record SyncRequest(
      @Schema(
              description =
                  "Addresses or ids of the mailboxes to sync; left out or empty: every mailbox."
                      + " Not with final.")
          List<String> mailboxes,
      @com.fasterxml.jackson.annotation.JsonProperty("final")
          @Schema(
              description =
                  "true: the final sync (\"complete the batch\"): ends the wait after the MX"
                      + " switch now and sweeps every mailbox before the batch is deleted")
          Boolean finalSync) {

    boolean isFinal() {
      return Boolean.TRUE.equals(finalSync);
    }

    List<String> named() {
      return mailboxes == null ? List.of() : mailboxes;
    }
  }

  @Schema(description = "A mailbox of a sync request")
  record QueuedMailbox(String id, String emailAddress) {}

  @Schema(description = "What a sync request started")
  record SyncQueued(
      @Schema(description = "INCREMENTAL, or FINAL for the final sweep") String kind,
      @Schema(description = "Mailboxes given a pass now") List<QueuedMailbox> queued,
      @Schema(description = "Mailboxes left out: a pass of theirs runs or waits to run already")
          List<QueuedMailbox> alreadyQueued) {}

  @Schema(description = "A migration was registered and its runbook started")
  record Created(
      @Schema(description = "The migration's id") String id,
      @Schema(description = "Things to know before the runbook goes on, such as a large batch")
          List<String> warnings) {}

  @Schema(description = "A migration in one line")
  record Item(
      String id,
      String domain,
      String batchName,
      @Schema(description = "Where the runbook stands") MigrationPhase phase,
      BatchStatus batchStatus,
      Instant createdAt) {

    static Item of(MigrationSummary summary) {
      return new Item(
          summary.id(),
          summary.domain(),
          summary.batchName(),
          summary.phase(),
          summary.batchStatus(),
          summary.createdAt());
    }
  }

  @Schema(description = "A migration's state: phase, current steps, batch and every mailbox")
  record Details(
      String id,
      String domain,
      String batchName,
      @Schema(description = "Where the runbook stands") MigrationPhase phase,
      @Schema(description = "The steps the runbook is at now (empty once it has ended)")
          List<String> currentSteps,
      BatchStatus batchStatus,
      @Schema(description = "How many mailboxes are in each status")
          Map<MailboxStatus, Long> mailboxCounts,
      TargetType targetType,
      DnsMode dnsMode,
      String language,
      boolean autoStartBatch,
      Instant createdAt,
      @Schema(description = "When the MX records were switched to the target, if they were")
          Instant mxSwitchedAt,
      @Schema(
              description =
                  "The final sweep before the batch is deleted, once it began: a mailbox is swept"
                      + " by a pass that started after sweptAfter; unswept counts those still"
                      + " without one; gapAcceptedBy and gapAcceptedAt record the administrator"
                      + " who let the batch go without the mailboxes in gapMailboxes")
          FinalSweep finalSweep,
      @Schema(
              description =
                  "The last proof at the new MX before the swap (null before it ran): every"
                      + " address asked, with the target mail exchanger's answer; wouldBounce"
                      + " lists those it did not accept; acceptedBy, acceptedAt and"
                      + " acceptedAddresses record an administrator who let the swap go ahead"
                      + " anyway")
          MxProof mxProof,
      @Schema(
              description =
                  "Every DNS change the runbook made or asked for, oldest first, with what the"
                      + " record set held before and after; a cancelled migration's changes show"
                      + " when they were undone")
          List<DnsChange> dnsChanges,
      Endpoint source,
      @Schema(
              description =
                  "The batch's progress over all its mailboxes: how many wait, sync, are synced"
                      + " or failed; messages and bytes copied of those found to copy; the"
                      + " estimated finish")
          BatchProgress mailboxProgress,
      @Schema(description = "Which mailboxes the list below holds") MailboxPage mailboxPage,
      @Schema(description = "One page of the mailboxes the filter selects, in batch order")
          List<Mailbox> mailboxes,
      @Schema(
              description =
                  "Each user's licence as the task \"Assign licences\" left it: assigned,"
                      + " already held, or failed with Microsoft's reason (empty until a licence"
                      + " was chosen there; an IMAP target has none)")
          List<Licence> licences,
      @Schema(
              description =
                  "The domain's recipients: counts by kind, and every one that is not a user"
                      + " mailbox with its addresses")
          RecipientViews.RecipientSummary recipients,
      @Schema(
              description =
                  "The watch for late mail after the batch was deleted, once it began: its"
                      + " period, its looks at the source, how it ended (PERIOD_OVER or"
                      + " ROLLED_BACK) and, per mailbox, the late messages it copied to the"
                      + " target and the last look's problem")
          org.cutover.migration.watch.WatchReport lateMailWatch,
      @Schema(
              description =
                  "The way back after a cancel once MX was switched: per mailbox, the messages"
                      + " copied back to the source, the flag changes brought back, and what could"
                      + " not be copied back")
          org.cutover.migration.wayback.WayBackReport wayBack) {}

  @Schema(description = "What became of giving one user of the batch its licence")
  record Licence(
      @Schema(example = "anna@contoso.com") String emailAddress,
      @Schema(example = "4b9405b0-7788-4568-add1-99614e613b69") String skuId,
      @Schema(example = "EXCHANGESTANDARD") String skuPartNumber,
      @Schema(description = "ASSIGNED, ALREADY_HELD or FAILED") UserLicence.Outcome outcome,
      @Schema(description = "Why it failed and what to do; absent unless it failed") String reason,
      Instant recordedAt) {

    static Licence of(UserLicence licence) {
      return new Licence(
          licence.emailAddress(),
          licence.skuId(),
          licence.skuPartNumber(),
          licence.outcome(),
          licence.reason(),
          licence.recordedAt());
    }
  }

  @Schema(description = "One DNS change of one record set (all records of one name and type)")
  record DnsChange(
      @Schema(
              description =
                  "The runbook step: LOWER_MX_TTL, SWAP_MX, AUTODISCOVER_CLEAR (a record set"
                      + " removed with consent to make room for the CNAME), AUTODISCOVER_CNAME,"
                      + " SPF or RESTORE_MX_TTL",
              example = "SWAP_MX")
          String step,
      @Schema(description = "The record set's absolute name", example = "contoso.com.") String name,
      @Schema(description = "The record type", example = "MX") String type,
      @Schema(description = "What the record set held before; absent when there was none")
          DnsRecords before,
      @Schema(description = "What it holds after; absent when the change removed it")
          DnsRecords after,
      @Schema(description = "When the change was asked for") Instant requestedAt,
      @Schema(
              description =
                  "When the authoritative servers were seen holding it; absent while it waits"
                      + " (e.g. for a change by hand in guided mode)")
          Instant appliedAt,
      @Schema(description = "When the rollback undid it; absent when it was not undone")
          Instant rolledBackAt) {

    static DnsChange of(RecordedDnsChange change) {
      return new DnsChange(
          change.step(),
          change.name(),
          change.type(),
          DnsRecords.of(change.before()),
          DnsRecords.of(change.after()),
          change.requestedAt(),
          change.appliedAt(),
          change.rolledBackAt());
    }
  }

  @Schema(description = "A record set's TTL and its records in zone-file form")
  record DnsRecords(
      @Schema(description = "TTL in seconds", example = "3600") long ttl,
      @Schema(
              description = "Each record's data as a zone file shows it",
              example = "[\"0 contoso-com.mail.protection.outlook.com.\"]")
          List<String> values) {

    static DnsRecords of(RecordedDnsChange.Records records) {
      return records == null ? null : new DnsRecords(records.ttl(), records.values());
    }
  }

  @Schema(description = "An IMAP endpoint's settings and state (its credential is not shown)")
  record Endpoint(
      String host,
      int port,
      ConnectionSecurity security,
      ImapAuth auth,
      String adminUser,
      String testMailbox,
      int maxConcurrentMailboxes,
      @Schema(description = "NEW, READY (tested) or REMOVED") String status,
      Instant testedAt,
      @Schema(description = "How an admin acting for a user names its mailbox: ADDRESS or ALIAS")
          org.cutover.migration.MailboxName mailboxName,
      @Schema(description = "True when this endpoint may speak TLS 1.0 or 1.1")
          boolean allowLegacyTls,
      @Schema(
              description =
                  "Where renewed XOAUTH2 tokens come from (its client secret is not shown); absent"
                      + " for a token given by hand")
          org.cutover.migration.ImapEndpoint.TokenSource tokenSource) {

    static Endpoint of(StoredEndpoint endpoint) {
      return new Endpoint(
          endpoint.host(),
          endpoint.port(),
          endpoint.security(),
          endpoint.auth(),
          endpoint.adminUser(),
          endpoint.testMailbox(),
          endpoint.maxConcurrentMailboxes(),
          endpoint.status(),
          endpoint.testedAt(),
          endpoint.mailboxName(),
          endpoint.allowLegacyTls(),
          endpoint.tokenSource());
    }
  }

  @Schema(description = "A page of a migration's mailbox list")
  record MailboxPage(
      @Schema(description = "The filter: ALL, WAITING, SYNCING, SYNCED, FAILED or NONE")
          String filter,
      int page,
      int size,
      @Schema(description = "Mailboxes the filter selects, on all pages") long total) {}

  @Schema(description = "Where a mailbox's running or last pass stands")
  record PassProgress(
      int foldersDone,
      int foldersTotal,
      long messagesCopied,
      @Schema(description = "Messages the pass found to copy in the folders it looked at so far")
          long messagesToCopy,
      long bytesCopied,
      long bytesToCopy,
      long bytesPerSecond,
      @Schema(description = "Seconds left at the rate so far; absent when unknown")
          Long estimatedSecondsLeft,
      Instant startedAt,
      Instant updatedAt) {

    static PassProgress of(MailboxProgress p) {
      if (p == null) {
        return null;
      }
      java.time.Duration left = p.estimatedTimeLeft();
      return new PassProgress(
          p.foldersDone(),
          p.foldersTotal(),
          p.messagesCopied(),
          p.messagesToCopy(),
          p.bytesCopied(),
          p.bytesToCopy(),
          p.bytesPerSecond(),
          left == null ? null : left.toSeconds(),
          p.startedAt(),
          p.updatedAt());
    }
  }

  @Schema(description = "One mailbox and how its syncs went; counts add up over all passes")
  record Mailbox(
      String id,
      String emailAddress,
      String displayName,
      MailboxStatus status,
      @Schema(description = "Start of the last sync pass that succeeded")
          Instant lastSuccessfulSync,
      long messagesCopied,
      long flagsUpdated,
      long messagesSkipped,
      long bytesCopied,
      @Schema(description = "What went wrong last, if anything") String lastError,
      @Schema(description = "Its running or last pass, written every few seconds while it runs")
          PassProgress pass,
      @Schema(
              description =
                  "Whether the user's own source password is stored (it is never shown); false"
                      + " once the batch is deleted")
          boolean sourcePasswordSet,
      @Schema(description = "Whether the user's own target password is stored (never shown)")
          boolean targetPasswordSet) {

    static Mailbox of(MailboxState state, MailboxProgress progress) {
      return new Mailbox(
          state.id(),
          state.emailAddress(),
          state.displayName(),
          state.status(),
          state.lastSuccessfulSync(),
          state.messagesCopied(),
          state.flagsUpdated(),
          state.messagesSkipped(),
          state.bytesCopied(),
          state.lastError(),
          PassProgress.of(progress),
          state.sourcePassword() != null,
          state.targetPassword() != null);
    }
  }

  @Schema(description = "The target's mail exchanger asked about every address before the swap")
  record MxProof(
      @Schema(
              description = "The host and port asked",
              example = "contoso-com.mail.protection.outlook.com:25")
          String mailExchanger,
      Instant provedAt,
      @Schema(description = "How many addresses were asked") int addresses,
      @Schema(description = "The addresses that would bounce, each with the server's answer")
          List<RecipientAnswer> wouldBounce,
      @Schema(description = "Every address asked, in order, with the answer")
          List<RecipientAnswer> answers,
      String acceptedBy,
      Instant acceptedAt,
      List<String> acceptedAddresses,
      @Schema(description = "Whether the swap may go ahead on this proof") boolean clearsTheSwap) {

    static MxProof of(MxProofReport report) {
      return new MxProof(
          report.mailExchanger(),
          report.provedAt(),
          report.answers().size(),
          report.wouldBounce(),
          report.answers(),
          report.acceptedBy(),
          report.acceptedAt(),
          report.acceptedAddresses(),
          report.clearsTheSwap());
    }
  }
}
