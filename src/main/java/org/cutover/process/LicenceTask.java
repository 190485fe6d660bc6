package org.cutover.process;

import static org.cutover.process.ProcessVariables.CHOSEN_LICENCE;
import static org.cutover.process.ProcessVariables.LICENCE_CHOICE_OFFERED;
import static org.cutover.process.ProcessVariables.LICENCE_NOTE;
import static org.cutover.process.ProcessVariables.LICENCE_OPTIONS;
import static org.cutover.process.ProcessVariables.LICENCE_SKU_IDS;
import static org.cutover.process.ProcessVariables.MIGRATION_ID;
import static org.cutover.process.ProcessVariables.MIGRATION_LICENCE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.cutover.migration.LicenceChoice;
import org.cutover.migration.LicenceOption;
import org.cutover.migration.StepNeedsAdministrator;
import org.cutover.migration.TargetLicences;
import org.cutover.migration.TransientStepFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The licence tasks ("Assign licences", "Fix the failed licences"). When one opens, the target's
 * licences go into the task's own variables: {@code licenceOptions} for the form's select (each
 * label names the licence and its free seats; the last option is {@code NONE}: nothing more to
 * assign), {@code licenceSkuIds}, and {@code licenceChoiceOffered}. In "Assign licences" the
 * migration's own licence, which every user got when it was created, is preselected ({@code
 * chosenLicence} set on the process instance, which Tasklist shows as the select's value) and named
 * in {@code migrationLicence}: the administrator confirms it, or chooses another licence (such as a
 * full suite) to add to every user. A target without licences (an IMAP host), or one whose licences
 * cannot be read now, offers no choice: the form then shows {@code licenceNote} and asks for the
 * confirmation alone. When the task is completed, a chosen licence must be one of those offered;
 * the step after the task assigns it.
 */
@Component("licenceTask")
class LicenceTask implements TaskListener {

  /** The choice "assign nothing more": the users have their licences already. */
  static final String NONE = "NONE";

  /** The task that opens once the batch is synced; the follow-up for failures preselects none. */
  static final String ASSIGN_LICENCES = "assignLicences";

  private static final Logger log = LoggerFactory.getLogger(LicenceTask.class);

  /** Added to the label of the migration's own licence. */
  static final String MIGRATION_LICENCE_MARK =
      " (every user got it when created / hver bruger fik den ved oprettelsen)";

  private final ObjectProvider<TargetLicences> licences;
  private final ObjectMapper json = new ObjectMapper();

  LicenceTask(ObjectProvider<TargetLicences> licences) {
    this.licences = licences;
  }

  @Override
  public void notify(DelegateTask task) {
    String migrationId = MIGRATION_ID.require(task);
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      offer(task, migrationId);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      check(task, migrationId);
    }
  }

  private void offer(DelegateTask task, String migrationId) {
    LicenceChoice choice;
    try {
      choice =
          Capabilities.require(licences, "target capability", TargetLicences.class)
              .licenceChoice(migrationId);
    } catch (StepNeedsAdministrator | TransientStepFailure unreadable) {
      noChoice(
          task,
          "The tenant's licences cannot be listed now: "
              + unreadable.getMessage()
              + ". Assign the licences in the Microsoft 365 admin center and tick the box, or fix"
              + " the cause and complete the task to have it opened again. / Lejerens licenser"
              + " kan ikke vises nu: tildel licenserne i Microsoft 365 Administration og sæt"
              + " flueben.");
      log.warn(
          "Migration {}: licences cannot be offered in task {}: {}",
          migrationId,
          task.getId(),
          unreadable.getMessage());
      return;
    }
    if (choice instanceof LicenceChoice.NotOffered notOffered) {
      noChoice(task, notOffered.reason());
      return;
    }
    LicenceChoice.Offered offered = (LicenceChoice.Offered) choice;
    List<LicenceOption> options = offered.options();
    ArrayNode values = json.createArrayNode();
    for (LicenceOption option : options) {
      String label =
          option.skuId().equals(offered.migrationLicence())
              ? option.label() + MIGRATION_LICENCE_MARK
              : option.label();
      values.addObject().put("label", label).put("value", option.skuId());
    }
    values
        .addObject()
        .put(
            "label",
            "None: nothing more to assign, the users have their licences already /"
                + " Ingen: intet mere at tildele, brugerne har allerede deres licenser")
        .put("value", NONE);
    if (ASSIGN_LICENCES.equals(task.getTaskDefinitionKey())) {
      offered
          .preselected()
          .ifPresent(
              own -> {
                // on the process instance, so that the value submitted with the form replaces it
                CHOSEN_LICENCE.set(task, own.skuId());
                task.setVariableLocal(MIGRATION_LICENCE.name(), own.label());
              });
    }
    task.setVariableLocal(LICENCE_OPTIONS, SpinValues.jsonValue(values.toString()).create());
    task.setVariableLocal(
        LICENCE_SKU_IDS.name(),
        options.stream().map(LicenceOption::skuId).collect(Collectors.joining(",")));
    task.setVariableLocal(LICENCE_CHOICE_OFFERED.name(), true);
    if (options.stream().noneMatch(LicenceOption::givesMailbox)) {
      task.setVariableLocal(
          LICENCE_NOTE.name(),
          "None of the tenant's licences includes Exchange Online, so none gives a mailbox: buy"
              + " one, then complete this task with it. / Ingen af lejerens licenser indeholder"
              + " Exchange Online.");
    }
    log.info(
        "Migration {}: {} licences offered in task {}", migrationId, options.size(), task.getId());
  }

  private static void noChoice(DelegateTask task, String note) {
    task.setVariableLocal(LICENCE_CHOICE_OFFERED.name(), false);
    task.setVariableLocal(LICENCE_NOTE.name(), note);
  }

  private static void check(DelegateTask task, String migrationId) {
    String chosen = CHOSEN_LICENCE.get(task);
    Object offered = task.getVariableLocal(LICENCE_CHOICE_OFFERED.name());
    if (chosen == null || chosen.isBlank() || NONE.equals(chosen)) {
      log.info(
          "Migration {}: licence task {} completed without a licence", migrationId, task.getId());
      return;
    }
    if (!Boolean.TRUE.equals(offered)) {
      // nothing was offered (an IMAP host): a value sent anyway assigns nothing
      CHOSEN_LICENCE.set(task, NONE);
      return;
    }
    String ids = (String) task.getVariableLocal(LICENCE_SKU_IDS.name());
    boolean known =
        ids != null && Arrays.stream(ids.split(",")).anyMatch(id -> id.equalsIgnoreCase(chosen));
    if (!known) {
      throw new LicenceNotChosen(
          "The licence "
              + chosen
              + " is not one of the tenant's licences offered in this task: choose one from the"
              + " list. / Vælg en licens fra listen.");
    }
    log.info("Migration {}: licence {} chosen in task {}", migrationId, chosen, task.getId());
  }
}
