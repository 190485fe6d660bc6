package org.cutover.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cutover.directory.ExclusionReason;
import org.cutover.directory.RecipientKind;
import org.cutover.directory.SkippedEntry;
import org.cutover.migration.recipients.StoredDiscovery;
import org.cutover.migration.recipients.StoredRecipient;

/** What the REST API shows of recipients and discoveries. */
final class RecipientViews {

  private RecipientViews() {}

  @Schema(description = "One recipient and every address it receives mail at")
  record RecipientView(
      @Schema(example = "Anna Jensen") String displayName,
      @Schema(example = "anna@contoso.com") String primaryAddress,
      @Schema(description = "Other SMTP addresses") List<String> aliases,
      @Schema(description = "Old Exchange addresses (X500), for replies from Outlook's cache")
          List<String> x500,
      String legacyExchangeDn,
      @Schema(description = "Where a contact's or mail user's mail goes") String externalAddress,
      @Schema(description = "Managers or full-access holders, where the directory names them")
          List<String> owners,
      @Schema(description = "A group's members") List<String> members,
      boolean disabled,
      @Schema(description = "Why its mailbox is not migrated; absent when it is")
          ExclusionReason excludedReason) {

    static RecipientView of(StoredRecipient recipient) {
      return new RecipientView(
          recipient.displayName(),
          recipient.primaryAddress(),
          recipient.aliases(),
          recipient.x500(),
          recipient.legacyExchangeDn(),
          recipient.externalAddress(),
          recipient.owners(),
          recipient.members(),
          recipient.disabled(),
          recipient.excludedReason());
    }
  }

  /** Recipients grouped by kind, in the order of {@link RecipientKind}. */
  static Map<RecipientKind, List<RecipientView>> byKind(List<StoredRecipient> recipients) {
    Map<RecipientKind, List<RecipientView>> byKind = new EnumMap<>(RecipientKind.class);
    recipients.forEach(
        r -> byKind.computeIfAbsent(r.kind(), k -> new ArrayList<>()).add(RecipientView.of(r)));
    return byKind;
  }

  @Schema(description = "A mailbox of the proposed batch, as a new migration's mailboxes take it")
  record ProposedMailbox(String emailAddress, String displayName, List<String> aliases) {}

  @Schema(description = "A mailbox or entry left out of the proposed batch, and why")
  record LeftOut(
      String name, RecipientKind kind, ExclusionReason reason, String distinguishedName) {}

  @Schema(description = "A directory discovery: the proposed batch and every recipient by kind")
  record DiscoveryView(
      @Schema(description = "Give it as discoveryId when registering the migration") String id,
      String domain,
      @Schema(description = "The directory and base DN read") String source,
      Instant createdAt,
      @Schema(description = "The migration that took the discovery, once one did")
          String migrationId,
      @Schema(
              description =
                  "Started from Tasklist and not yet accepted in its task \"Review the proposed"
                      + " batch\": no migration may take it until then")
          boolean awaitingReview,
      @Schema(description = "Who accepted the batch in Tasklist, where one did") String reviewedBy,
      @Schema(description = "The mailboxes to migrate: enabled user mailboxes and shared ones")
          List<ProposedMailbox> mailboxes,
      @Schema(description = "Mailboxes and entries left out, with the reason")
          List<LeftOut> excluded,
      @Schema(description = "Every recipient found, by kind")
          Map<RecipientKind, List<RecipientView>> recipients) {

    static DiscoveryView of(
        StoredDiscovery discovery, List<StoredRecipient> recipients, List<SkippedEntry> skipped) {
      List<ProposedMailbox> mailboxes = new ArrayList<>();
      List<LeftOut> excluded = new ArrayList<>();
      for (StoredRecipient recipient : recipients) {
        if (recipient.excludedReason() == null) {
          if (recipient.kind().hasMailbox()) {
            mailboxes.add(
                new ProposedMailbox(
                    recipient.primaryAddress(), recipient.displayName(), recipient.aliases()));
          }
        } else if (!recipient.kind().isGroup()) {
          excluded.add(
              new LeftOut(
                  recipient.primaryAddress(), recipient.kind(), recipient.excludedReason(), null));
        }
      }
      skipped.forEach(
          entry ->
              excluded.add(
                  new LeftOut(entry.name(), null, entry.reason(), entry.distinguishedName())));
      return new DiscoveryView(
          discovery.id(),
          discovery.domain(),
          discovery.source(),
          discovery.createdAt(),
          discovery.migrationId(),
          discovery.awaitingReview(),
          discovery.reviewedBy(),
          mailboxes,
          excluded,
          byKind(recipients));
    }
  }

  @Schema(description = "A migration's recipients in brief; GET .../recipients lists them all")
  record RecipientSummary(
      @Schema(description = "How many recipients of each kind") Map<RecipientKind, Long> counts,
      @Schema(
              description =
                  "Every recipient that is not a user mailbox (shared, room and equipment"
                      + " mailboxes, groups, contacts, mail users) with its addresses")
          Map<RecipientKind, List<RecipientView>> others,
      @Schema(description = "Where every recipient is listed") String list,
      @Schema(
              description =
                  "How many recipients have each provisioning status at the target, as last"
                      + " checked before the first sync (empty until then)")
          Map<org.cutover.migration.provisioning.ProvisioningStatus, Long> provisioned,
      @Schema(
              description =
                  "The recipients still missing something at the target, by primary address,"
                      + " with what; GET .../recipients has every recipient's status and GET"
                      + " .../provisioning/script the script for what is missing")
          Map<String, Provisioning> missing) {

    static RecipientSummary of(
        String migrationId,
        List<StoredRecipient> recipients,
        Map<String, org.cutover.migration.provisioning.RecipientProvisioning> statuses) {
      Map<RecipientKind, Long> counts = new EnumMap<>(RecipientKind.class);
      recipients.forEach(r -> counts.merge(r.kind(), 1L, Long::sum));
      Map<org.cutover.migration.provisioning.ProvisioningStatus, Long> provisioned =
          new EnumMap<>(org.cutover.migration.provisioning.ProvisioningStatus.class);
      Map<String, Provisioning> missing = new java.util.LinkedHashMap<>();
      provisioning(recipients, statuses)
          .forEach(
              (address, status) -> {
                provisioned.merge(status.status(), 1L, Long::sum);
                if (status.status()
                    == org.cutover.migration.provisioning.ProvisioningStatus.MISSING) {
                  missing.put(address, status);
                }
              });
      return new RecipientSummary(
          counts,
          byKind(recipients.stream().filter(r -> r.kind() != RecipientKind.USER_MAILBOX).toList()),
          "/api/migrations/" + migrationId + "/recipients",
          provisioned,
          missing);
    }
  }

  /** Each recipient's provisioning at the target, by primary address. */
  static Map<String, Provisioning> provisioning(
      List<StoredRecipient> recipients,
      Map<String, org.cutover.migration.provisioning.RecipientProvisioning> statuses) {
    Map<String, Provisioning> provisioning = new java.util.LinkedHashMap<>();
    for (StoredRecipient recipient : recipients) {
      var status = statuses.get(recipient.id());
      if (status != null) {
        provisioning.put(recipient.primaryAddress(), Provisioning.of(status));
      }
    }
    return provisioning;
  }

  @Schema(description = "A recipient at the target")
  record Provisioning(
      @Schema(
              description =
                  "PROVISIONED (read back at the target), MISSING (the script names what), LISTED"
                      + " (an IMAP host: to create by hand, proven at the new MX)")
          org.cutover.migration.provisioning.ProvisioningStatus status,
      @Schema(
              description = "What is missing or to create",
              example = "[\"alias salg@contoso.com\"]")
          List<String> missing,
      Instant checkedAt) {

    static Provisioning of(org.cutover.migration.provisioning.RecipientProvisioning status) {
      return new Provisioning(
          status.status(),
          status.missing().isEmpty() ? List.of() : List.of(status.missing().split("\n")),
          status.checkedAt());
    }
  }
}
