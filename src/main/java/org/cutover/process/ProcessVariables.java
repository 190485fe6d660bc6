package org.cutover.process;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every variable of the runbook process {@code cutover-migration}, with its type. Values are
 * booleans, numbers, ids or ISO-8601 text (durations such as {@code PT15M}, instants such as {@code
 * 2026-03-01T10:15:00Z}); never a secret, never a large value. Names in comments marked "form" are
 * set by a Camunda Form in Tasklist.
 */
final class ProcessVariables {

  // The migration: set at the start (REST API) or by the registration (Tasklist start form).
  static final ProcessVariable<String> MIGRATION_ID = text("migrationId");
  static final ProcessVariable<String> DOMAIN = text("domain");
  static final ProcessVariable<String> BATCH_NAME = text("batchName");
  static final ProcessVariable<Boolean> AUTO_START_BATCH = flag("autoStartBatch");
  static final ProcessVariable<Boolean> GUIDED_DNS = flag("guidedDns");
  static final ProcessVariable<String> TARGET_TYPE = text("targetType");
  static final ProcessVariable<String> LANGUAGE = text("language");

  // Waits and limits: ISO-8601 durations and whole numbers.
  static final ProcessVariable<String> TXT_RETRY_WAIT = text("txtRetryWait");
  static final ProcessVariable<Integer> TXT_MAX_ATTEMPTS = number("txtMaxAttempts");
  static final ProcessVariable<String> MX_PROPAGATION_RETRY_WAIT = text("mxPropagationRetryWait");
  static final ProcessVariable<String> INCREMENTAL_SYNC_CYCLE = text("incrementalSyncCycle");
  static final ProcessVariable<String> FINAL_WAIT = text("finalWait");
  static final ProcessVariable<String> LICENCE_DEADLINE = text("licenceDeadline");
  static final ProcessVariable<String> LICENCE_REMINDER_BEFORE = text("licenceReminderBefore");
  static final ProcessVariable<Integer> FINAL_SYNC_MAX_ROUNDS = number("finalSyncMaxRounds");

  // Registration from the Tasklist start form.
  static final ProcessVariable<Boolean> SETTINGS_VALID = flag("settingsValid");
  static final ProcessVariable<String> SETTINGS_PROBLEMS = text("settingsProblems");

  // Preflight of every mailbox: how many failed, the first of them with what is wrong (the whole
  // report is in GET /api/migrations/{id}), and whether the administrator excludes them (form).
  static final ProcessVariable<Integer> PREFLIGHT_FAILURES = number("preflightFailures");
  static final ProcessVariable<Integer> PREFLIGHT_UNCHECKED = number("preflightUnchecked");
  static final ProcessVariable<String> PREFLIGHT_REPORT = text("preflightReport");
  static final ProcessVariable<Boolean> EXCLUDE_FAILING_MAILBOXES = flag("excludeFailingMailboxes");

  // A login a server refused ("Replace the refused login and retry"): the endpoint (source or
  // target) and what it answered, copied onto the task; the stored credential the administrator
  // gives instead (form: an id from POST /api/credentials, never the secret); and whether the task
  // has replaced it.
  static final ProcessVariable<String> REFUSED_SIDE = text("refusedSide");
  static final ProcessVariable<String> REFUSED_LOGIN = text("refusedLogin");
  static final ProcessVariable<String> REPLACEMENT_CREDENTIAL_ID = text("replacementCredentialId");
  static final ProcessVariable<Boolean> CREDENTIAL_REPLACED = flag("credentialReplaced");

  // Domain verification.
  static final ProcessVariable<Integer> TXT_ATTEMPTS = number("txtAttempts");
  static final ProcessVariable<Boolean> TXT_RECORD_FOUND = flag("txtRecordFound");
  static final ProcessVariable<String> TXT_LOOKUP_DETAIL = text("txtLookupDetail");

  // DNS steps: outcome of the last one, and what the administrator must set in guided mode.
  static final ProcessVariable<String> DNS_OUTCOME = text("dnsOutcome");
  static final ProcessVariable<String> DNS_STEP = text("dnsStep");
  static final ProcessVariable<String> DNS_INSTRUCTION = text("dnsInstruction");
  static final ProcessVariable<String> DNS_SEEN_NOW = text("dnsSeenNow");
  static final ProcessVariable<String> DNS_PLAN = text("dnsPlan");
  static final ProcessVariable<Boolean> DNS_APPROVAL_NEEDED = flag("dnsApprovalNeeded");
  static final ProcessVariable<String> MX_SWAP_NOT_BEFORE = text("mxSwapNotBefore");
  static final ProcessVariable<String> MX_SWITCHED_AT = text("mxSwitchedAt");
  static final ProcessVariable<Boolean> MX_PROPAGATED = flag("mxPropagated");
  static final ProcessVariable<String> MX_PROPAGATION_DETAIL = text("mxPropagationDetail");

  // The batch.
  static final ProcessVariable<String> BATCH_STATUS = text("batchStatus");
  // Mailboxes whose initial copy failed after every try: how many, the first of them each with its
  // error (for "Review failed mailboxes"), the administrator's choice (form: SYNC_AGAIN, KEEP or
  // EXCLUDE), and whether the batch goes on with them kept.
  static final ProcessVariable<Integer> FAILED_MAILBOX_COUNT = number("failedMailboxCount");
  static final ProcessVariable<String> FAILED_MAILBOXES = text("failedMailboxes");
  static final ProcessVariable<String> FAILED_MAILBOXES_CHOICE = text("failedMailboxesChoice");
  static final ProcessVariable<Boolean> FAILED_MAILBOXES_KEPT = flag("failedMailboxesKept");
  static final ProcessVariable<String> LICENCE_DEADLINE_AT = text("licenceDeadlineAt");
  static final ProcessVariable<String> LICENCE_REMINDER_AT = text("licenceReminderAt");
  static final ProcessVariable<Integer> MAILBOXES_BEHIND_COUNT = number("mailboxesBehindCount");
  static final ProcessVariable<String> MAILBOXES_BEHIND = text("mailboxesBehind");
  static final ProcessVariable<Integer> FINAL_SYNC_ROUND = number("finalSyncRound");
  // the final sweep's start (ISO instant), for the review form
  static final ProcessVariable<String> FINAL_SWEEP_STARTED_AT = text("finalSweepStartedAt");
  // The proof at the new MX: the host asked, how many addresses would bounce, and the first of
  // them each with the server's answer (for the review form; the API lists them all)
  static final ProcessVariable<String> MX_PROOF_HOST = text("mxProofHost");
  static final ProcessVariable<Integer> WOULD_BOUNCE_COUNT = number("wouldBounceCount");
  static final ProcessVariable<String> WOULD_BOUNCE = text("wouldBounce");
  // Provisioning at the target: how many recipients lack something, the first of them, and the
  // script or list for exactly those (cut for the form; the API gives it whole)
  static final ProcessVariable<Integer> TARGET_MISSING_COUNT = number("targetMissingCount");
  static final ProcessVariable<String> TARGET_MISSING = text("targetMissing");
  static final ProcessVariable<String> PROVISIONING_SCRIPT = text("provisioningScript");
  // Local to one "Sync on request": the mailbox ids asked for, comma-separated.
  static final ProcessVariable<String> REQUESTED_MAILBOX_IDS = text("requestedMailboxIds");

  // Local to one mailbox: the multi-instance element and the sync pass's input and report.
  static final ProcessVariable<String> MAILBOX_ID = text("mailboxId");
  static final ProcessVariable<String> SYNC_MODE = text("syncMode");
  static final ProcessVariable<Boolean> SYNC_SUCCEEDED = flag("syncSucceeded");
  static final ProcessVariable<String> SYNC_ERROR = text("syncError");
  static final ProcessVariable<Long> MESSAGES_COPIED = count("messagesCopied");
  static final ProcessVariable<Long> MESSAGES_ALTERED = count("messagesAltered");
  static final ProcessVariable<Long> FLAGS_UPDATED = count("flagsUpdated");
  static final ProcessVariable<Long> MESSAGES_SKIPPED = count("messagesSkipped");
  static final ProcessVariable<Long> BYTES_COPIED = count("bytesCopied");

  // The watch for late mail after the batch is deleted: whether its period is over, when to look
  // again (ISO duration), and the summary when it ended (capped; the API has every mailbox).
  static final ProcessVariable<Boolean> LATE_MAIL_WATCH_OVER = flag("lateMailWatchOver");
  static final ProcessVariable<String> LATE_MAIL_NEXT_CHECK = text("lateMailNextCheck");
  static final ProcessVariable<String> LATE_MAIL_SUMMARY = text("lateMailSummary");
  // Set by the engine in a multi-instance step (the watch looks at one mailbox per instance): the
  // instance's position, from 0, and how many instances there are.
  static final ProcessVariable<Integer> LOOP_COUNTER = number("loopCounter");
  static final ProcessVariable<Integer> INSTANCES = number("nrOfInstances");
  // The way back for mail on a cancel: how many messages or folders could not be copied back to
  // the source, and which (capped; the API has them all).
  static final ProcessVariable<Integer> MAIL_NOT_COPIED_BACK_COUNT =
      number("mailNotCopiedBackCount");
  static final ProcessVariable<String> MAIL_NOT_COPIED_BACK = text("mailNotCopiedBack");

  // Set by forms in Tasklist.
  static final ProcessVariable<Boolean> ANNOUNCEMENT_APPROVED = flag("announcementApproved");
  static final ProcessVariable<Boolean> DNS_RECORD_SET = flag("dnsRecordSet");
  static final ProcessVariable<Boolean> DNS_CHANGES_APPROVED = flag("dnsChangesApproved");
  static final ProcessVariable<Boolean> LICENCES_ASSIGNED = flag("licencesAssigned");
  // the licence's skuId chosen in "Assign licences" or "Fix the failed licences", or NONE
  static final ProcessVariable<String> CHOSEN_LICENCE = text("chosenLicence");
  static final ProcessVariable<Boolean> SYNC_AGAIN = flag("syncAgain");
  static final ProcessVariable<Boolean> PROVE_AGAIN = flag("proveAgain");
  static final ProcessVariable<Boolean> PROVISIONING_DONE = flag("provisioningDone");
  static final ProcessVariable<Boolean> WELCOME_LETTER_APPROVED = flag("welcomeLetterApproved");
  static final ProcessVariable<Boolean> SERVER_DECOMMISSIONED = flag("serverDecommissioned");

  // Licences: local to the licence tasks, what the form offers (licenceOptions is Json: a list of
  // {label, value} for the form's select; the skuIds again as text, comma-separated), whether
  // a choice is offered, and why not; on the process instance, the last assignment's failures
  // (count and report) and the users the tenant showed without a licence before the reminder.
  static final String LICENCE_OPTIONS = "licenceOptions";
  static final ProcessVariable<String> LICENCE_SKU_IDS = text("licenceSkuIds");
  static final ProcessVariable<Boolean> LICENCE_CHOICE_OFFERED = flag("licenceChoiceOffered");
  static final ProcessVariable<String> LICENCE_NOTE = text("licenceNote");
  // local to "Assign licences": the label of the migration's own licence (its settings'
  // licenceSku, given to every user when created), which the task preselects in chosenLicence
  static final ProcessVariable<String> MIGRATION_LICENCE = text("migrationLicence");
  static final ProcessVariable<Integer> LICENCE_FAILURES = number("licenceFailures");
  static final ProcessVariable<String> LICENCE_REPORT = text("licenceReport");
  static final ProcessVariable<String> USERS_WITHOUT_LICENCE = text("usersWithoutLicence");

  // Local to the letter tasks: the letter as shown (and edited) in the form, the placeholders an
  // edit may use, why the letter cannot be shown (when it cannot), a SHA-256 digest of the letter
  // as shown (to tell an unchanged letter from an edit), and the planned switch as an ISO
  // day (2026-04-18) or empty (form).
  static final ProcessVariable<String> LETTER_SUBJECT = text("letterSubject");
  static final ProcessVariable<String> LETTER_TEXT = text("letterText");
  static final ProcessVariable<String> LETTER_PLACEHOLDERS = text("letterPlaceholders");
  static final ProcessVariable<String> LETTER_PROBLEM = text("letterProblem");
  static final ProcessVariable<String> LETTER_SHOWN = text("letterShown");
  static final ProcessVariable<String> PLANNED_SWITCH = text("plannedSwitch");

  // The planned switch (org.cutover.migration.schedule): when the cut-over reached the wait for
  // it (ISO instant), whether the batch is ready when the time comes (READY, NOT_DUE: the time was
  // moved later, BLOCKED) and why not (one reason a line), the planned time as shown in the task,
  // and the administrator's choice in "Decide about the switch" (SWAP, POSTPONE, CANCEL) with the
  // new day (ISO), time (HH:mm) and zone of a postponed switch.
  static final ProcessVariable<String> CUT_OVER_REACHED_AT = text("cutOverReachedAt");
  static final ProcessVariable<String> SWITCH_READINESS = text("switchReadiness");
  static final ProcessVariable<String> SWITCH_BLOCKERS = text("switchBlockers");
  static final ProcessVariable<String> PLANNED_SWITCH_SHOWN = text("plannedSwitchShown");
  static final ProcessVariable<String> SWITCH_CHOICE = text("switchChoice");
  static final ProcessVariable<String> NEW_SWITCH_DATE = text("newSwitchDate");
  static final ProcessVariable<String> NEW_SWITCH_TIME = text("newSwitchTime");
  static final ProcessVariable<String> NEW_SWITCH_ZONE = text("newSwitchZone");
  // The letters about the switch time (process cutover-switch-letters): which move of the time
  // they name, the time (ISO instant), whether the update letter goes out (the announcement is out
  // already) and when the reminder is due (a timer date, or null when the time is too near).
  static final ProcessVariable<Integer> SWITCH_MOVE = number("switchMove");
  static final ProcessVariable<String> SWITCH_AT = text("switchAt");
  static final ProcessVariable<Boolean> UPDATE_LETTER_DUE = flag("updateLetterDue");
  static final ProcessVariable<String> REMINDER_AT = text("reminderAt");

  /** Variables the runbook keeps on the process instance once the migration is registered. */
  static final Set<String> RUNBOOK =
      List.of(
              MIGRATION_ID,
              DOMAIN,
              BATCH_NAME,
              AUTO_START_BATCH,
              GUIDED_DNS,
              TARGET_TYPE,
              LANGUAGE,
              TXT_RETRY_WAIT,
              TXT_MAX_ATTEMPTS,
              MX_PROPAGATION_RETRY_WAIT,
              INCREMENTAL_SYNC_CYCLE,
              FINAL_WAIT,
              LICENCE_DEADLINE,
              LICENCE_REMINDER_BEFORE,
              FINAL_SYNC_MAX_ROUNDS,
              SETTINGS_VALID)
          .stream()
          .map(ProcessVariable::name)
          .collect(Collectors.toUnmodifiableSet());

  private ProcessVariables() {}

  private static ProcessVariable<String> text(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  private static ProcessVariable<Boolean> flag(String name) {
    return new ProcessVariable<>(name, Boolean.class);
  }

  private static ProcessVariable<Integer> number(String name) {
    return new ProcessVariable<>(name, Integer.class);
  }

  private static ProcessVariable<Long> count(String name) {
    return new ProcessVariable<>(name, Long.class);
  }
}
