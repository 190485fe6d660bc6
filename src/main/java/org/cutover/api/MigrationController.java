package org.cutover.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cutover.migration.BatchProgress;
import org.cutover.migration.DnsChangeHistory;
import org.cutover.migration.EndpointRole;
import org.cutover.migration.FinalSweeps;
import org.cutover.migration.MailboxProgress;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MailboxStatus;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.MigrationRegistration;
import org.cutover.migration.MigrationStore;
import org.cutover.migration.NewMigration;
import org.cutover.migration.RequestedMailboxes;
import org.cutover.migration.StoredMigration;
import org.cutover.migration.TargetLicences;
import org.cutover.migration.schedule.SwitchTime;
import org.cutover.mxproof.MxProofs;
import org.cutover.process.RunbookControl;
import org.cutover.process.SyncRequested;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping(path = "/api/migrations", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Migrations", description = "Start, watch, start the batch of and cancel migrations")
class MigrationController {

  private final MigrationLauncher launcher;
  private final MigrationStore store;
  private final DnsChangeHistory dnsChanges;
  private final RunbookControl runbook;
  private final StrictJson strictJson;
  private final ObjectProvider<TargetLicences> licences;
  private final org.cutover.migration.PreflightReports preflight;
  private final org.cutover.secrets.SecretStore secrets;
  private final RequestedMailboxes requested;
  private final FinalSweeps sweeps;
  private final org.cutover.migration.recipients.RecipientStore recipients;
  private final ObjectProvider<org.cutover.migration.provisioning.TargetProvisioning> provisioning;
  private final MxProofs mxProofs;
  private final ObjectProvider<org.cutover.migration.watch.LateMailWatch> lateMailWatch;
  private final ObjectProvider<org.cutover.migration.wayback.MailWayBack> wayBack;

  MigrationController(
      org.cutover.migration.PreflightReports preflight,
      org.cutover.secrets.SecretStore secrets,
      MigrationLauncher launcher,
      MigrationStore store,
      DnsChangeHistory dnsChanges,
      RunbookControl runbook,
      StrictJson strictJson,
      ObjectProvider<TargetLicences> licences,
      RequestedMailboxes requested,
      FinalSweeps sweeps,
      org.cutover.migration.recipients.RecipientStore recipients,
      MxProofs mxProofs,
      ObjectProvider<org.cutover.migration.watch.LateMailWatch> lateMailWatch,
      ObjectProvider<org.cutover.migration.wayback.MailWayBack> wayBack,
      ObjectProvider<org.cutover.migration.provisioning.TargetProvisioning> provisioning) {
    this.provisioning = provisioning;
    this.lateMailWatch = lateMailWatch;
    this.wayBack = wayBack;
    this.recipients = recipients;
    this.launcher = launcher;
    this.store = store;
    this.dnsChanges = dnsChanges;
    this.runbook = runbook;
    this.strictJson = strictJson;
    this.licences = licences;
    this.preflight = preflight;
    this.secrets = secrets;
    this.requested = requested;
    this.sweeps = sweeps;
    this.mxProofs = mxProofs;
  }

  @GetMapping("/{id}/preflight")
  @Operation(
      summary =
          "The last preflight report: every mailbox with what the source holds and what is"
              + " wrong with it",
      description =
          "Preflight opens every mailbox of the batch on the source and the target before anyone"
              + " is told. Empty before it ran; mailboxes excluded from the batch stay listed,"
              + " marked excluded.")
  @ApiResponse(responseCode = "200", description = "The report, in batch order")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  List<org.cutover.migration.MailboxCheck> preflight(@PathVariable String id) {
    requireExists(id);
    return preflight.report(id);
  }

  @GetMapping("/{id}/mx-proof")
  @Operation(
      summary = "The last proof at the new MX: which addresses the target would refuse",
      description =
          "Before the MX swap the target's mail exchanger is asked about every address (RCPT TO,"
              + " no message sent). The swap waits while any would bounce, unless an"
              + " administrator accepted them in the task \"Review the addresses the new MX"
              + " refuses\". 404 before the proof ran.")
  @ApiResponse(responseCode = "200", description = "The proof")
  @ApiResponse(
      responseCode = "404",
      description = "No such migration, or no proof yet",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  MigrationViews.MxProof mxProof(@PathVariable String id) {
    requireExists(id);
    return mxProofs
        .of(id)
        .map(MigrationViews.MxProof::of)
        .orElseThrow(
            () ->
                new MigrationNotFound(
                    "Migration "
                        + id
                        + " has not been proved at the new MX yet; the runbook does so once"
                        + " every licence is assigned, before the MX swap."));
  }

  @GetMapping("/{id}/problems")
  @Operation(
      summary = "Every runbook step that failed and has not passed since, with its message",
      description =
          "retriesLeft 0: the step waits for an administrator (an incident); fix the cause"
              + " (PUT /credentials/{side} for a refused login) and POST /retry.")
  List<RunbookControl.StepProblem> problems(@PathVariable String id) {
    requireExists(id);
    return runbook.stepProblems(id);
  }

  @PostMapping("/{id}/retry")
  @Operation(summary = "Run every failed step of the runbook again now")
  @ApiResponse(responseCode = "200", description = "How many steps are retried")
  Map<String, Integer> retry(@PathVariable String id) {
    requireExists(id);
    return Map.of("retriedSteps", runbook.retryFailedSteps(id));
  }

  @org.springframework.web.bind.annotation.PutMapping(
      path = "/{id}/credentials/{side}",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Replace the credential a running migration signs in with, and retry",
      description =
          "side: source or target. The body names a credential stored with POST"
              + " /api/credentials: {\"credentialId\": \"...\"}. Every failed step is then run"
              + " again at once.")
  @ApiResponse(responseCode = "200", description = "Replaced; how many failed steps are retried")
  @ApiResponse(
      responseCode = "400",
      description = "Unknown side or credential",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The migration holds no credential there any more (its batch was deleted)",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  Map<String, Integer> replaceCredential(
      @PathVariable String id, @PathVariable String side, @RequestBody JsonNode body) {
    requireExists(id);
    EndpointRole role =
        switch (side) {
          case "source" -> EndpointRole.SOURCE;
          case "target" -> EndpointRole.TARGET;
          default ->
              throw new org.cutover.migration.RejectedSettings(
                  List.of(
                      new org.cutover.migration.SettingsProblem(
                          "side", "must be source or target")));
        };
    JsonNode given = body == null ? null : body.get("credentialId");
    if (given == null
        || !given.isTextual()
        || body.size() != 1
        || !given.asText().matches("[0-9a-fA-F-]{36}")
        || secrets.describe(new org.cutover.secrets.SecretRef(given.asText())).isEmpty()) {
      throw new org.cutover.migration.RejectedSettings(
          List.of(
              new org.cutover.migration.SettingsProblem(
                  "$.credentialId",
                  "give only credentialId, the id of a credential stored with POST"
                      + " /api/credentials")));
    }
    if (!store.replaceCredential(id, role, new org.cutover.secrets.SecretRef(given.asText()))) {
      throw new WrongState(
          "Migration "
              + id
              + " holds no "
              + side
              + " credential any more: its batch was deleted, nothing signs in there again.",
          null);
    }
    return Map.of("retriedSteps", runbook.retryFailedSteps(id));
  }

  @GetMapping
  @Operation(summary = "List the migrations, newest first")
  List<MigrationViews.Item> list() {
    return store.list().stream().map(MigrationViews.Item::of).toList();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Register a migration and start its runbook",
      description =
          "Checks the settings and that every capability a migration needs is configured, stores"
              + " the credentials encrypted and starts the runbook. Secrets (password,"
              + " clientSecret, credentials) are write-only; instead of one, credentialId may name"
              + " a credential stored with POST /api/credentials. plannedSwitch (optional, {\"date\":"
              + " \"2026-04-18\", \"time\": \"18:00\", \"zone\": \"Europe/Copenhagen\"}) plans"
              + " the MX swap; a time that breaks a rule refuses the migration.")
  @ApiResponse(responseCode = "201", description = "Registered and started; Location names it")
  @ApiResponse(
      responseCode = "400",
      description = "The settings need correcting: one entry per field in errors",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "Another migration of the domain has not finished",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "503",
      description = "A capability a migration needs is not configured",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<MigrationViews.Created> create(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(schema = @Schema(implementation = NewMigration.class)))
          @RequestBody
          JsonNode body,
      java.security.Principal principal) {
    Optional<SwitchTime> plannedSwitch = strictJson.takePlannedSwitch(body);
    MigrationRegistration.Registered registered =
        launcher.launch(
            strictJson.migration(body),
            plannedSwitch.orElse(null),
            principal == null ? null : principal.getName());
    URI location =
        ServletUriComponentsBuilder.fromCurrentRequestUri()
            .path("/{id}")
            .buildAndExpand(registered.migrationId())
            .toUri();
    return ResponseEntity.created(location)
        .body(new MigrationViews.Created(registered.migrationId(), registered.warnings()));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "A migration's phase, current steps, batch status, DNS changes and every mailbox")
  @ApiResponse(
      responseCode = "200",
      description = "The migration",
      content = @Content(schema = @Schema(implementation = MigrationViews.Details.class)))
  @ApiResponse(
      responseCode = "404",
      description = "No such migration",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  MigrationViews.Details get(
      @PathVariable String id,
      @Parameter(
              description =
                  "Which mailboxes to list: all, waiting, syncing, synced, failed or none (the"
                      + " summary in mailboxProgress always covers all)")
          @RequestParam(name = "mailboxes", defaultValue = "all")
          String filter,
      @Parameter(description = "Page of the mailbox list, from 0")
          @RequestParam(name = "page", defaultValue = "0")
          int page,
      @Parameter(description = "Mailboxes per page, 1 to 500")
          @RequestParam(name = "size", defaultValue = "100")
          int size) {
    MailboxFilter shown = MailboxFilter.parse(filter);
    MailboxFilter.checkPage(page, size);
    StoredMigration migration = store.find(id).orElseThrow(() -> notFound(id));
    List<MailboxState> mailboxes = store.mailboxes(id);
    Map<String, MailboxProgress> progress = store.progress(id);
    List<MailboxState> matching =
        mailboxes.stream().filter(mailbox -> shown.shows(mailbox.status())).toList();
    List<MailboxState> onPage = matching.stream().skip((long) page * size).limit(size).toList();
    Map<MailboxStatus, Long> counts = new EnumMap<>(MailboxStatus.class);
    mailboxes.forEach(mailbox -> counts.merge(mailbox.status(), 1L, Long::sum));
    return new MigrationViews.Details(
        migration.id(),
        migration.summary().domain(),
        migration.summary().batchName(),
        migration.summary().phase(),
        runbook.currentSteps(id),
        migration.summary().batchStatus(),
        counts,
        migration.targetType(),
        migration.dnsMode(),
        migration.language(),
        migration.autoStartBatch(),
        migration.summary().createdAt(),
        migration.mxSwitchedAt(),
        sweeps.of(id).orElse(null),
        mxProofs.of(id).map(MigrationViews.MxProof::of).orElse(null),
        dnsChanges.changes(id).stream().map(MigrationViews.DnsChange::of).toList(),
        store.endpoint(id, EndpointRole.SOURCE).map(MigrationViews.Endpoint::of).orElse(null),
        BatchProgress.of(mailboxes, progress, Instant.now()),
        new MigrationViews.MailboxPage(shown.name(), page, size, matching.size()),
        onPage.stream()
            .map(mailbox -> MigrationViews.Mailbox.of(mailbox, progress.get(mailbox.id())))
            .toList(),
        licences.stream()
            .findFirst()
            .map(target -> target.licences(id).stream().map(MigrationViews.Licence::of).toList())
            .orElse(List.of()),
        RecipientViews.RecipientSummary.of(
            id,
            recipients.ofMigration(id),
            provisioning.stream().findFirst().map(p -> p.statuses(id)).orElse(Map.of())),
        lateMailWatch.stream().findFirst().flatMap(watch -> watch.of(id)).orElse(null),
        wayBack.stream().findFirst().flatMap(back -> back.report(id)).orElse(null));
  }

  @PostMapping("/{id}/start")
  @Operation(
      summary = "Start the batch",
      description = "For a batch created without autoStartBatch that waits to be started.")
  @ApiResponse(responseCode = "202", description = "The batch starts syncing")
  @ApiResponse(
      responseCode = "409",
      description = "The batch is not waiting to be started",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<Void> startBatch(@PathVariable String id) {
    requireExists(id);
    try {
      runbook.startBatch(id);
    } catch (IllegalStateException notWaiting) {
      throw new WrongState(
          "The batch of migration "
              + id
              + " is not waiting to be started; GET /api/migrations/"
              + id
              + " shows its status.",
          notWaiting);
    }
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{id}/cancel")
  @Operation(
      summary = "Cancel the migration, or roll it back while the source is watched for late mail",
      description =
          "Rolls back the DNS changes (MX, TTL, Autodiscover, SPF), stops all syncs and, once MX"
              + " was switched, copies the mail that reached the target since (and the flags"
              + " users changed there) back to the source, each message once; what could not be"
              + " copied back is listed in wayBack and in a task. Possible until the batch is"
              + " deleted, and again during the watch for late mail (from the welcome letter"
              + " until the watch ends).")
  @ApiResponse(responseCode = "202", description = "The cancellation runs")
  @ApiResponse(
      responseCode = "409",
      description = "The migration can no longer be cancelled",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<Void> cancel(@PathVariable String id) {
    requireExists(id);
    try {
      runbook.cancel(id);
    } catch (IllegalStateException tooLate) {
      throw new WrongState(
          "Migration "
              + id
              + " can no longer be cancelled (it has finished, is already being cancelled, or is"
              + " past the point of no return).",
          tooLate);
    }
    return ResponseEntity.accepted().build();
  }

  @PostMapping("/{id}/sync")
  @Operation(
      summary = "Sync mailboxes now",
      description =
          "Starts an incremental pass at once on every mailbox, or on those listed, without"
              + " waiting for the incremental cycle; a mailbox whose pass runs or waits already"
              + " gets no second one. With final true: the final sync, which ends the wait after"
              + " the MX switch and sweeps every mailbox before the batch is deleted.")
  @ApiResponse(
      responseCode = "202",
      description = "Queued; the answer lists what",
      content = @Content(schema = @Schema(implementation = MigrationViews.SyncQueued.class)))
  @ApiResponse(
      responseCode = "400",
      description = "A listed mailbox is not in the migration, or final with a list",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  @ApiResponse(
      responseCode = "409",
      description = "The migration is in no phase where this sync can start",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  ResponseEntity<MigrationViews.SyncQueued> sync(
      @PathVariable String id,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(schema = @Schema(implementation = MigrationViews.SyncRequest.class)))
          @RequestBody(required = false)
          JsonNode body) {
    requireExists(id);
    MigrationViews.SyncRequest request = strictJson.syncRequest(body);
    if (request.isFinal() && !request.named().isEmpty()) {
      throw RequestedMailboxes.finalTakesAll();
    }
    List<MailboxState> mailboxes = requested.resolve(id, request.named());
    Map<String, MailboxState> byId = new java.util.HashMap<>();
    mailboxes.forEach(mailbox -> byId.put(mailbox.id(), mailbox));
    try {
      if (request.isFinal()) {
        runbook.requestFinalSync(id);
        return ResponseEntity.accepted()
            .body(new MigrationViews.SyncQueued("FINAL", queued(mailboxes), List.of()));
      }
      SyncRequested started =
          runbook.requestSync(id, mailboxes.stream().map(MailboxState::id).toList());
      return ResponseEntity.accepted()
          .body(
              new MigrationViews.SyncQueued(
                  "INCREMENTAL",
                  queued(started.queued().stream().map(byId::get).toList()),
                  queued(started.alreadyQueued().stream().map(byId::get).toList())));
    } catch (IllegalStateException wrongPhase) {
      throw new WrongState(
          "Migration "
              + id
              + (request.isFinal()
                  ? " cannot start its final sync now: it starts once the MX records are switched"
                      + " and have propagated, and the runbook waits before deleting the batch."
                  : " cannot sync on request now: syncs on request run from the end of the initial"
                      + " sync until the batch is deleted.")
              + " GET /api/migrations/"
              + id
              + " shows its current steps.",
          wrongPhase);
    }
  }

  private static List<MigrationViews.QueuedMailbox> queued(List<MailboxState> mailboxes) {
    return mailboxes.stream()
        .map(mailbox -> new MigrationViews.QueuedMailbox(mailbox.id(), mailbox.emailAddress()))
        .toList();
  }

  private void requireExists(String id) {
    if (store.find(id).isEmpty()) {
      throw notFound(id);
    }
  }

  private static MigrationNotFound notFound(String id) {
    return MigrationNotFound.migration(id);
  }
}
