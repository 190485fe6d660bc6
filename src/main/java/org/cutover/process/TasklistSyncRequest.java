package org.cutover.process;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.cutover.migration.MailboxState;
import org.cutover.migration.MigrationNotFound;
import org.cutover.migration.RejectedSettings;
import org.cutover.migration.RequestedMailboxes;
import org.springframework.stereotype.Component;

/**
 * "Sync mailboxes now" started from Tasklist: the same request as {@code POST
 * /api/migrations/{id}/sync} for the migration the form names and the mailboxes it lists (empty:
 * every one). A mailbox whose pass runs or waits gets no second one. A request that cannot be made
 * (unknown migration or mailbox, wrong phase) refuses the start with the reason. Sets {@code
 * syncQueued} and {@code syncLeftOut} (addresses, one a line) for Cockpit's history.
 */
@Component("tasklistSyncRequest")
class TasklistSyncRequest implements JavaDelegate {

  private final RunbookControl runbook;
  private final RequestedMailboxes requested;

  TasklistSyncRequest(RunbookControl runbook, RequestedMailboxes requested) {
    this.runbook = runbook;
    this.requested = requested;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String migrationId = (String) execution.getVariable("syncMigrationId");
    if (migrationId == null || migrationId.isBlank()) {
      throw new FormFieldValidationException(
          null, "Give the migration's id. / Angiv migreringens id.");
    }
    String listed = (String) execution.getVariable("syncMailboxes");
    List<String> named =
        listed == null
            ? List.of()
            : Arrays.stream(listed.split("[,;\\s]+")).filter(name -> !name.isBlank()).toList();
    List<MailboxState> mailboxes;
    try {
      mailboxes = requested.resolve(migrationId.strip(), named);
    } catch (RejectedSettings | MigrationNotFound refused) {
      throw new FormFieldValidationException(null, refused.getMessage());
    }
    Map<String, String> addresses =
        mailboxes.stream()
            .collect(Collectors.toMap(MailboxState::id, MailboxState::emailAddress, (a, b) -> a));
    SyncRequested started;
    try {
      started =
          runbook.requestSync(
              migrationId.strip(), mailboxes.stream().map(MailboxState::id).toList());
    } catch (IllegalStateException wrongPhase) {
      throw new FormFieldValidationException(
          null,
          "Migration "
              + migrationId.strip()
              + " cannot sync on request now: syncs on request run from the end of the initial"
              + " sync until the batch is deleted. / Migreringen kan ikke synkronisere på"
              + " anmodning nu.");
    }
    Function<List<String>, String> lines =
        ids -> ids.stream().map(addresses::get).collect(Collectors.joining("\n"));
    execution.setVariable("syncQueued", lines.apply(started.queued()));
    execution.setVariable("syncLeftOut", lines.apply(started.alreadyQueued()));
  }
}
