package org.cutover.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.cutover.migration.BatchStatus;
import org.cutover.migration.ConnectionSecurity;
import org.cutover.migration.DnsMode;
import org.cutover.migration.ImapAuth;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationPhase;
import org.cutover.migration.MigrationSummary;
import org.cutover.migration.StoredEndpoint;
import org.cutover.migration.TargetType;

/** What the migration endpoints answer; credentials never appear in them. */
final class MigrationViews {

  private MigrationViews() {}

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
      Endpoint source,
      List<Mailbox> mailboxes) {}

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
      Instant testedAt) {

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
          endpoint.testedAt());
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
      @Schema(description = "What went wrong last, if anything") String lastError) {

    static Mailbox of(MailboxState state) {
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
          state.lastError());
    }
  }
}
